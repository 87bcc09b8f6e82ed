using System.ComponentModel;
using System.Diagnostics;

namespace Euterpe.TestSupport;

/// <summary>Starts the programs the tests run: a program with arguments, environment and working folder.</summary>
public static class ProcessRunner
{
    /// <summary>How long <see cref="Run"/> waits unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts <paramref name="program"/> (a path, or a name found on PATH) with its output redirected;
    /// a program that is not installed is one message saying so.
    /// </summary>
    /// <param name="environment">Variables set for the program on top of this process's own.</param>
    public static StartedProcess Start(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        var command = Describe(program, start.ArgumentList);
        try
        {
            return new StartedProcess(Process.Start(start)!, command);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program}: cannot start ({e.Message}); scripts/install-deps.sh installs the tools the tests run", e);
        }
    }

    /// <summary>
    /// Runs a program to its end and returns its exit code and output, whatever the code; past the timeout
    /// (<see cref="DefaultTimeout"/> when not given) the process tree is killed and a <see cref="TimeoutException"/> thrown.
    /// </summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        using var process = Start(program, arguments, environment, workingDirectory);
        return process.WaitForExit(timeout ?? DefaultTimeout);
    }

    /// <summary>Runs a program that must succeed and returns its stdout; a non-zero exit throws with its stderr.</summary>
    public static string Output(string program, params string[] arguments) => Run(program, arguments).EnsureSuccess().Stdout;

    /// <summary>The command line for messages: an inline script shows only its first line.</summary>
    private static string Describe(string program, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(a => a.Contains('\n') ? a[..a.IndexOf('\n')] + " …" : a).Prepend(program));
}
