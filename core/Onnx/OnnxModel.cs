using Euterpe.Core.IO;

namespace Euterpe.Core.Onnx;

/// <summary>
/// An ONNX model (ModelProto): one graph, the operator sets it uses and free-form metadata.
/// Defaults are IR version 8 with the default domain at opset 17, which ONNX 1.12's checker and
/// every ONNX Runtime since 1.13 accept.
/// </summary>
public sealed class OnnxModel
{
    public const long DefaultIrVersion = 8;
    public const long DefaultOpsetVersion = 17;

    public long IrVersion { get; set; } = DefaultIrVersion;
    public string ProducerName { get; set; } = "euterpe";
    public string ProducerVersion { get; set; } = "";
    public string Domain { get; set; } = "";
    public long ModelVersion { get; set; }
    public string DocString { get; set; } = "";
    public List<OnnxOpset> Opsets { get; init; } = [new OnnxOpset("", DefaultOpsetVersion)];
    public required OnnxGraph Graph { get; init; }

    /// <summary>metadata_props, in order; keys should be unique.</summary>
    public List<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>The version of the default ONNX domain this model imports, or 0 if it imports none.</summary>
    public long DefaultDomainOpset => Opsets.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();

    public string? MetadataValue(string key)
    {
        foreach (var (k, v) in Metadata)
            if (k == key) return v;
        return null;
    }

    public byte[] ToByteArray() => OnnxEncoder.EncodeModel(this);

    /// <summary>Writes the model atomically (temp file, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, ToByteArray());

    /// <summary>Decodes a ModelProto; <paramref name="source"/> names it in error messages.</summary>
    public static OnnxModel Parse(byte[] bytes, string source = "model.onnx") => OnnxDecoder.DecodeModel(bytes, source);

    /// <summary>Reads and decodes a model file; any problem is a one-line <see cref="EuterpeException"/>.</summary>
    public static OnnxModel Load(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, InputFile.MaxModelBytes, "ONNX model");
        return Parse(bytes, path);
    }
}
