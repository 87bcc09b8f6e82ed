using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Euterpe.TestSupport;

/// <summary>
/// A running program started by <see cref="ProcessRunner.Start"/>: its stdout and stderr are collected as they come
/// (so a chatty program never blocks on a full pipe). Dispose stops one still running: SIGTERM first, so a server such
/// as jackd can leave its registry, and after 5 s SIGKILL to its whole process tree.
/// </summary>
public sealed class StartedProcess : IDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    internal StartedProcess(Process process, string command)
    {
        _process = process;
        Command = command;
        _stdoutPump = Task.Run(() => Pump(process.StandardOutput, _stdout));
        _stderrPump = Task.Run(() => Pump(process.StandardError, _stderr));
    }

    /// <summary>The program and its arguments, for messages.</summary>
    public string Command { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The lines written so far, stdout's then stderr's.</summary>
    public IReadOnlyList<string> OutputLines() =>
        [.. (Snapshot(_stdout) + "\n" + Snapshot(_stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Waits for the exit and all output; past <paramref name="timeout"/> it kills the process tree and throws.</summary>
    public ProcessResult WaitForExit(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"{Command} did not finish in {timeout.TotalSeconds:0} s");
        }
        // The output is whole once both pipes reach their end; a child it left running may still hold them open.
        var rest = timeout - clock.Elapsed;
        if (!Task.WaitAll([_stdoutPump, _stderrPump], rest > DrainGrace ? rest : DrainGrace))
            throw new TimeoutException($"{Command} exited, but a process it started still holds its output open");
        return new ProcessResult(Command, _process.ExitCode, Snapshot(_stdout), Snapshot(_stderr), _process.Id);
    }

    /// <summary>Kills the whole process tree at once (SIGKILL) and waits for it.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _ = Signal(_process.Id, SigTerm);
            if (!_process.WaitForExit(StopGrace)) Kill();
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);

    private static string Snapshot(StringBuilder text)
    {
        lock (text) return text.ToString();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
            lock (into) into.Append(buffer, 0, read);
    }
}
