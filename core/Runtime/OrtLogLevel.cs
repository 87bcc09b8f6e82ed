namespace Euterpe.Core.Runtime;

/// <summary>ONNX Runtime's logging severities (OrtLoggingLevel).</summary>
public enum OrtLogLevel
{
    Verbose = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}
