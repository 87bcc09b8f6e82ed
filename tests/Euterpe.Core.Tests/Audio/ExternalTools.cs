using System.Diagnostics;

namespace Euterpe.Core.Tests.Audio;

/// <summary>Runs the independent audio tools (sox, fluidsynth) the cross-checks rely on.</summary>
internal static class ExternalTools
{
    public const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    public const string MidiFolder = "/usr/share/games/openttd/baseset/openmsx";

    /// <summary>Full path of <paramref name="tool"/> on PATH; fails the test with a clear message when missing.</summary>
    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{tool} is not installed (scripts/install-deps.sh installs it)");
    }

    /// <summary>Runs a tool to completion and returns its standard output; a non-zero exit fails the test.</summary>
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    /// <summary>Decodes any audio file with sox to interleaved float32 (sox's own reader, independent of ours).</summary>
    public static float[] SoxDecode(string path, string tempDir)
    {
        var raw = Path.Combine(tempDir, Guid.NewGuid().ToString("N") + ".f32");
        Run("sox", "-D", path, "-t", "raw", "-e", "floating-point", "-b", "32", "-L", raw);
        var bytes = File.ReadAllBytes(raw);
        File.Delete(raw);
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }
}
