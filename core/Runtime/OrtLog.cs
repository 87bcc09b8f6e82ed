using System.Diagnostics;

namespace Euterpe.Core.Runtime;

/// <summary>
/// Where ONNX Runtime's own log lines go. By default they are written to <see cref="Trace"/>; set <see cref="Sink"/>
/// to route them elsewhere (the CLI can print them, tests can collect them). Only lines at or above
/// <see cref="MinimumLevel"/> (read when the runtime environment is created) are produced at all.
/// </summary>
public static class OrtLog
{
    public static OrtLogLevel MinimumLevel { get; set; } = OrtLogLevel.Warning;

    public static Action<OrtLogLevel, string>? Sink { get; set; }

    internal static void Write(OrtLogLevel level, string category, string message)
    {
        var line = $"onnxruntime [{level}] {category}: {message}";
        var sink = Sink;
        if (sink is not null) sink(level, line);
        else Trace.WriteLine(line);
    }
}
