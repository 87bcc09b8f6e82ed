using System.Text.RegularExpressions;
using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// An error ONNX Runtime reported, as one line naming what it concerns (a model file, usually):
/// <c>FILE: InvalidProtobuf: cannot load: ...</c>. The package's own exception is the inner one.
/// </summary>
public partial class OnnxRuntimeException : EuterpeException
{
    private const string CodePrefix = "[ErrorCode:";

    public OnnxRuntimeException(string subject, Ort.OnnxRuntimeException inner)
        : base($"{subject}: {Describe(inner.Message, out var code)}", inner: inner) => Code = code;

    public OnnxRuntimeException(string subject, string context, Ort.OnnxRuntimeException inner)
        : base($"{subject}: {context}: {Describe(inner.Message, out var code)}", inner: inner) => Code = code;

    /// <summary>ONNX Runtime's error code by name ("InvalidProtobuf", "Fail", ...), or "" when it gave none.</summary>
    public string Code { get; }

    /// <summary>
    /// The package writes "[ErrorCode:NAME] Load model from PATH failed:SOURCE:LINE SIGNATURE(...) reason"; ours reads
    /// "NAME: cannot load: reason", on one line: the path is already the line's subject, and ONNX Runtime's C++
    /// source location and function signature (hundreds of characters) tell a user nothing.
    /// </summary>
    internal static string Describe(string message, out string code)
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
        message = message.ReplaceLineEndings(" ");
        message = LoadModelFrom().Replace(message, "cannot load: ", 1);
        message = SourceLocation().Replace(message, "");
        return message.Trim();
    }

    [GeneratedRegex(@"Load model from .*? failed:\s*")]
    private static partial Regex LoadModelFrom();

    // "/onnxruntime_src/…/model.cc:251 onnxruntime::Model::Model(…) " or a location with no signature after it.
    [GeneratedRegex(@"\S*onnxruntime_src/\S+:\d+\s*(?:[^\s(]+\([^)]*\)(?:\s*const)?\s*)?")]
    private static partial Regex SourceLocation();
}
