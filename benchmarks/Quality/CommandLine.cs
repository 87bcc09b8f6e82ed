using System.Diagnostics;
using System.Globalization;

namespace Euterpe.Quality;

/// <summary>How the benchmark runs a program (our command line, a script) and passes it numbers and the plug-in's seed.</summary>
internal static class CommandLine
{
    /// <summary>The plug-in's Seed parameter (plugin/Instrument/ParameterId.cs) and its range 0…9999.</summary>
    private const int SeedParameter = 4;
    private const double SeedSteps = 9999;

    /// <summary>Runs <paramref name="program"/> to its end; its exit code and what it wrote.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="program"/>; throws with its output unless it exits 0.</summary>
    public static void Check(string program, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = Run(program, arguments);
        if (exitCode != 0) throw Failure(program, arguments, exitCode, stdout, stderr);
    }

    public static InvalidOperationException Failure(string program, string[] arguments, int exitCode, string stdout, string stderr) =>
        new($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {exitCode}: {stderr.Trim()}{stdout.Trim()}");

    /// <summary>`render`'s --param value that sets the plug-in's Seed parameter to <paramref name="seed"/>.</summary>
    public static string SeedParam(int seed) => $"{SeedParameter}={Number(seed / SeedSteps)}";

    /// <summary>A number as the command line reads it (invariant culture, round-trip).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
