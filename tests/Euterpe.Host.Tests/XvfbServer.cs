namespace Euterpe.Host.Tests;

/// <summary>
/// A private Xvfb (24-bit screen) for the editor tests: it picks a free display number itself (-displayfd) and this
/// process's DISPLAY points at it while it runs, which the plug-in, loaded into this process, reads too.
/// </summary>
public sealed class XvfbServer : IDisposable
{
    public const string Path = "/usr/bin/Xvfb";

    private readonly StartedProcess _process;
    private readonly string? _previousDisplay;

    public XvfbServer()
    {
        _process = ProcessRunner.Start(Program() ?? Path, ["-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string? number = null;
        while (number is null && DateTime.UtcNow < deadline && !_process.HasExited)
        {
            number = _process.OutputLines().FirstOrDefault(line => line.Trim().Length > 0)?.Trim();
            if (number is null) Thread.Sleep(50);
        }
        if (number is null)
        {
            _process.Dispose();
            throw new InvalidOperationException($"{Path}: gave no display number within 20 s");
        }
        Display = ":" + number;
        _previousDisplay = Environment.GetEnvironmentVariable("DISPLAY");
        ProcessEnvironment.Set("DISPLAY", Display);
    }

    public string Display { get; }

    public static string? Program() => File.Exists(Path) ? Path : null;

    public void Dispose()
    {
        ProcessEnvironment.Set("DISPLAY", _previousDisplay);
        _process.Dispose();
    }
}
