namespace Euterpe.Core.Inference;

/// <summary>An error ONNX Runtime reported through an OrtStatus; <see cref="Code"/> is its OrtErrorCode.</summary>
public class OnnxRuntimeException : EuterpeException
{
    public OnnxRuntimeException(OrtErrorCode code, string message)
        : base($"onnxruntime: {code}: {OneLine(message)}") => Code = code;

    public OnnxRuntimeException(OrtErrorCode code, string subject, string message)
        : base($"{subject}: {OneLine(message)}") => Code = code;

    public OrtErrorCode Code { get; }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
