using System.Text.Json;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests;

/// <summary>
/// Loads the built bundle's native Euterpe.so from a separate process (a ctypes host written in
/// Python), so the real path is exercised: dlopen, hostfxr boot, managed factory, vtable calls.
/// </summary>
public class BundleLoadTests
{
    private static string BundleBinary()
    {
        var binary = RepositoryRoot.Combine("artifacts", "Euterpe.vst3", "Contents", "x86_64-linux", "Euterpe.so");
        Assert.True(File.Exists(binary), $"{binary}: missing; run scripts/build.sh (it builds the native loader and the bundle)");
        return binary;
    }

    /// <summary>load_bundle.py (a ctypes host) on <paramref name="library"/>, its plug-in log under <paramref name="stateHome"/>.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunHost(string library, string stateHome)
    {
        var host = PythonRunner.Run([Path.Combine(AppContext.BaseDirectory, "Hosting", "load_bundle.py"), library],
            new Dictionary<string, string> { ["XDG_STATE_HOME"] = stateHome }, TimeSpan.FromSeconds(60));
        return (host.ExitCode, host.Stdout, host.Stderr);
    }

    [Fact]
    public void ASeparateProcessLoadsTheBundleAndCreatesTheInstrument()
    {
        var binary = BundleBinary();
        using var state = new TempFolder("euterpe-vst3-");
        var (exit, stdout, stderr) = RunHost(binary, state.Root);
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

    [Fact]
    public void WithoutTheManagedFilesTheLoaderReturnsNoFactoryAndLogsWhy()
    {
        var binary = BundleBinary();
        using var work = new TempFolder("euterpe-vst3-");
        // The loader alone, without Euterpe.dll and its runtimeconfig beside it.
        var lonely = work.File("Euterpe.so");
        File.Copy(binary, lonely);
        var state = work.Path("state");
        var (exit, stdout, stderr) = RunHost(lonely, state);
        Assert.True(exit == 0, $"host exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("factory").GetBoolean());
        Assert.Contains("Euterpe.runtimeconfig.json: missing", stderr);
        var log = File.ReadAllText(Path.Combine(state, "euterpe", "plugin.log"));
        Assert.Contains("Euterpe.runtimeconfig.json: missing", log);
    }

    [Fact]
    public void ACorruptAssemblyGivesNoFactoryAndALogLineInsteadOfACrash()
    {
        var binary = BundleBinary();
        using var work = new TempFolder("euterpe-vst3-");
        var source = Path.GetDirectoryName(binary)!;
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, work.File(Path.GetFileName(file)));
        File.WriteAllText(work.File("Euterpe.dll"), "this is not an assembly");
        var state = work.Path("state");
        var (exit, stdout, stderr) = RunHost(work.File("Euterpe.so"), state);
        Assert.True(exit == 0, $"host exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("factory").GetBoolean());
        var log = File.ReadAllText(Path.Combine(state, "euterpe", "plugin.log"));
        Assert.Contains("cannot load Euterpe.Plugin.PluginEntry", log);
    }
}
