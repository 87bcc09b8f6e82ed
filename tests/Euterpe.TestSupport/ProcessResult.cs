namespace Euterpe.TestSupport;

/// <summary>How a finished process ended: its exit code and everything it wrote.</summary>
/// <param name="Command">The program and its arguments, for messages.</param>
/// <param name="ProcessId">The id it ran under (no longer in use by it).</param>
public sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr, int ProcessId)
{
    /// <summary>This result when the exit code is 0; otherwise an exception naming the command, the code and stderr.</summary>
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{Command} exited {ExitCode}: {Stderr}");
}
