using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// An error ONNX Runtime reported, as one line naming what it concerns (a model file, usually):
/// <c>FILE: InvalidProtobuf: Load model from FILE failed: ...</c>. The package's own exception is the inner one.
/// </summary>
public class OnnxRuntimeException : EuterpeException
{
    private const string CodePrefix = "[ErrorCode:";

    public OnnxRuntimeException(string subject, Ort.OnnxRuntimeException inner)
        : base($"{subject}: {Describe(inner.Message, out var code)}", inner: inner) => Code = code;

    public OnnxRuntimeException(string subject, string context, Ort.OnnxRuntimeException inner)
        : base($"{subject}: {context}: {Describe(inner.Message, out var code)}", inner: inner) => Code = code;

    /// <summary>ONNX Runtime's error code by name ("InvalidProtobuf", "Fail", ...), or "" when it gave none.</summary>
    public string Code { get; }

    // The package writes "[ErrorCode:NAME] message"; ours reads "NAME: message", on one line.
    private static string Describe(string message, out string code)
    {
        code = "";
        if (message.StartsWith(CodePrefix, StringComparison.Ordinal))
        {
            var end = message.IndexOf(']', CodePrefix.Length);
            if (end > 0)
            {
                code = message[CodePrefix.Length..end];
                message = $"{code}: {message[(end + 1)..].TrimStart()}";
            }
        }
        return message.ReplaceLineEndings(" ").Trim();
    }
}
