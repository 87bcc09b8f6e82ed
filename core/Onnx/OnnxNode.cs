namespace Euterpe.Core.Onnx;

/// <summary>One operator application. An empty input name means an omitted optional input, as in ONNX.</summary>
public sealed class OnnxNode
{
    public required string OpType { get; init; }
    public string Name { get; set; } = "";
    public string Domain { get; init; } = "";
    public List<string> Inputs { get; init; } = [];
    public List<string> Outputs { get; init; } = [];
    public List<OnnxAttribute> Attributes { get; init; } = [];

    public OnnxAttribute? Attribute(string name) => Attributes.Find(a => a.Name == name);

    public override string ToString() => $"{Name}: {OpType}({string.Join(", ", Inputs)}) -> {string.Join(", ", Outputs)}";
}
