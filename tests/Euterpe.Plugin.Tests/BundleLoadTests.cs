using System.Diagnostics;
using System.Text.Json;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;

namespace Euterpe.Plugin.Tests;

/// <summary>
/// Loads the built bundle's native Euterpe.so from a separate process (a ctypes host written in
/// Python), so the real path is exercised: dlopen, hostfxr boot, managed factory, vtable calls.
/// </summary>
public class BundleLoadTests
{
    private const string Python = "/usr/bin/python3";

    private static string BundleBinary()
    {
        var binary = Path.Combine(RepositoryRoot.Find(), "artifacts", "Euterpe.vst3", "Contents", "x86_64-linux", "Euterpe.so");
        Assert.True(File.Exists(binary), $"{binary}: missing; run scripts/build.sh (it builds the native loader and the bundle)");
        Assert.True(File.Exists(Python), $"{Python}: missing; install Debian's python3 (scripts/install-deps.sh)");
        return binary;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunHost(string library, string stateHome)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Hosting", "load_bundle.py");
        var start = new ProcessStartInfo(Python, [script, library]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["XDG_STATE_HOME"] = stateHome;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(true);
            Assert.Fail("the host process did not finish in 60 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void ASeparateProcessLoadsTheBundleAndCreatesTheInstrument()
    {
        var binary = BundleBinary();
        var state = Directory.CreateTempSubdirectory("euterpe-vst3-");
        try
        {
            var (exit, stdout, stderr) = RunHost(binary, state.FullName);
            Assert.True(exit == 0, $"host exited {exit}: {stderr}");
            using var json = JsonDocument.Parse(stdout);
            var root = json.RootElement;
            Assert.True(root.GetProperty("moduleEntry").GetBoolean());
            Assert.True(root.GetProperty("factory").GetBoolean(), stderr);
            Assert.Equal("Euterpe", root.GetProperty("vendor").GetString());
            var classes = root.GetProperty("classes");
            Assert.Equal(2, classes.GetArrayLength());
            Assert.Equal(PluginIdentity.ProcessorCid.ToString(), classes[0].GetProperty("cid").GetString());
            Assert.Equal("Euterpe", classes[0].GetProperty("name").GetString());
            Assert.Equal(PluginIdentity.ControllerCid.ToString(), classes[1].GetProperty("cid").GetString());
            Assert.Equal(0, root.GetProperty("createInstance").GetInt32());
            Assert.Equal(0, root.GetProperty("initialize").GetInt32());
            Assert.Equal(0, root.GetProperty("queryAudioProcessor").GetInt32());
            Assert.Equal(0, root.GetProperty("canProcess64").GetInt32());
            var buses = root.GetProperty("buses");
            Assert.Equal(0, buses.GetProperty("audioIn").GetInt32());
            Assert.Equal(1, buses.GetProperty("audioOut").GetInt32());
            Assert.Equal(1, buses.GetProperty("eventIn").GetInt32());
            Assert.Equal(1, buses.GetProperty("eventOut").GetInt32());
            Assert.Equal(0, root.GetProperty("terminate").GetInt32());
            Assert.Equal(0u, root.GetProperty("lastRelease").GetUInt32());
            Assert.True(root.GetProperty("moduleExit").GetBoolean());
        }
        finally
        {
            state.Delete(true);
        }
    }

    [Fact]
    public void WithoutTheManagedFilesTheLoaderReturnsNoFactoryAndLogsWhy()
    {
        var binary = BundleBinary();
        var work = Directory.CreateTempSubdirectory("euterpe-vst3-");
        try
        {
            // The loader alone, without Euterpe.dll and its runtimeconfig beside it.
            var lonely = Path.Combine(work.FullName, "Euterpe.so");
            File.Copy(binary, lonely);
            var state = Path.Combine(work.FullName, "state");
            var (exit, stdout, stderr) = RunHost(lonely, state);
            Assert.True(exit == 0, $"host exited {exit}: {stderr}");
            using var json = JsonDocument.Parse(stdout);
            Assert.False(json.RootElement.GetProperty("factory").GetBoolean());
            Assert.Contains("Euterpe.runtimeconfig.json: missing", stderr);
            var log = File.ReadAllText(Path.Combine(state, "euterpe", "plugin.log"));
            Assert.Contains("Euterpe.runtimeconfig.json: missing", log);
        }
        finally
        {
            work.Delete(true);
        }
    }

    [Fact]
    public void ACorruptAssemblyGivesNoFactoryAndALogLineInsteadOfACrash()
    {
        var binary = BundleBinary();
        var work = Directory.CreateTempSubdirectory("euterpe-vst3-");
        try
        {
            var source = Path.GetDirectoryName(binary)!;
            foreach (var file in Directory.GetFiles(source))
                File.Copy(file, Path.Combine(work.FullName, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(work.FullName, "Euterpe.dll"), "this is not an assembly");
            var state = Path.Combine(work.FullName, "state");
            var (exit, stdout, stderr) = RunHost(Path.Combine(work.FullName, "Euterpe.so"), state);
            Assert.True(exit == 0, $"host exited {exit}: {stderr}");
            using var json = JsonDocument.Parse(stdout);
            Assert.False(json.RootElement.GetProperty("factory").GetBoolean());
            var log = File.ReadAllText(Path.Combine(state, "euterpe", "plugin.log"));
            Assert.Contains("cannot load Euterpe.Plugin.PluginEntry", log);
        }
        finally
        {
            work.Delete(true);
        }
    }
}
