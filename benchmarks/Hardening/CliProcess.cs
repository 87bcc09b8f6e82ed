using System.Diagnostics;
using System.Globalization;

namespace Euterpe.Hardening;

/// <summary>
/// Runs the command line as a child process under an address-space cap (prlimit --as), with a timeout after which the
/// whole process tree is killed.
/// </summary>
internal sealed class CliProcess(string cli, double memoryGiB)
{
    /// <summary>How one run ended.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, bool TimedOut, bool Killed, TimeSpan Elapsed);

    /// <summary>Runs to the end, or to <paramref name="timeout"/>, or (when given) kills it after <paramref name="killAfter"/>.</summary>
    public Result Run(IReadOnlyList<string> arguments, string folder, TimeSpan timeout, TimeSpan? killAfter = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        var command = new List<string>();
        if (memoryGiB > 0)
        {
            var bytes = (long)(memoryGiB * 1024 * 1024 * 1024);
            command.AddRange(["prlimit", $"--as={bytes.ToString(CultureInfo.InvariantCulture)}", "--"]);
            // .NET reserves far more address space than it uses unless told how big its heap may grow.
            start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{bytes * 3 / 4:X}";
        }
        if (cli.EndsWith(".dll", StringComparison.Ordinal)) command.AddRange(["dotnet", cli]);
        else command.Add(cli);
        command.AddRange(arguments);
        start.FileName = command[0];
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("EUTERPE_DEBUG");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var byKill = killAfter is { } k && k < timeout;
        var limit = byKill ? killAfter!.Value : timeout;
        var ended = process.WaitForExit(limit);
        var killed = false;
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            killed = true;
        }
        process.WaitForExit();
        // Output pipes may stay open in a grandchild for a moment; do not wait on them forever.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10));
        return new Result(process.ExitCode, Text(stdout), Text(stderr),
            TimedOut: killed && !byKill, Killed: killed && byKill, clock.Elapsed);
    }

    private static string Text(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";
}
