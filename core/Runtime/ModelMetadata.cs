namespace Euterpe.Core.Runtime;

/// <summary>
/// What an ONNX model says about itself (ONNX Runtime's OrtModelMetadata), custom key/value pairs included.
/// <see cref="Version"/> is null when the model sets none.
/// </summary>
public sealed record ModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long? Version,
    IReadOnlyDictionary<string, string> Custom);
