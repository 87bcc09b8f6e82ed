using Euterpe.Vst3;

namespace Euterpe.Plugin.Diagnostics;

/// <summary>
/// Where the plug-in reports what went wrong inside an entry point (its own, and the ABI layer's through
/// <see cref="Euterpe.Vst3.Vst3Log"/>) and what its generator did: stderr plus the same log file the
/// native loader appends to ($XDG_STATE_HOME/euterpe or ~/.local/share/euterpe). Never throws. A host that reports
/// the plug-in's problems in its own words (our <c>render</c>) sets <see cref="StderrVariable"/> to 0: the file only.
/// </summary>
public static class PluginLog
{
    /// <summary>After this many lines the log goes quiet: a failing process() must not write a file per block.</summary>
    public const int MaxLines = 200;

    public const string StderrVariable = "EUTERPE_PLUGIN_STDERR";

    private static readonly Lock Gate = new();
    private static int _lines;

    public static void Error(string where, Exception exception) => Write($"{where}: {Vst3Log.Describe(exception)}");

    public static void Write(string message)
    {
        var line = Interlocked.Increment(ref _lines);
        if (line > MaxLines) return;
        if (line == MaxLines) message = $"{message} (further messages suppressed)";
        try
        {
            if (Environment.GetEnvironmentVariable(StderrVariable) != "0") Console.Error.WriteLine($"euterpe-vst3: {message}");
            var path = LogPath();
            if (path is null) return;
            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.AppendAllText(path, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {message}\n");
            }
        }
        catch (Exception)
        {
            // Logging must never take the host down.
        }
    }

    private static string? LogPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(state)) return Path.Combine(state, "euterpe", "plugin.log");
        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".local", "share", "euterpe", "plugin.log");
    }
}
