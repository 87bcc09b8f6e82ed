using Euterpe.Core.Tensors;

namespace Euterpe.Core.Onnx;

/// <summary>
/// A computation graph: nodes in topological order, constant initializers, and the typed inputs and outputs.
/// Inputs use <see cref="TensorInfo"/>'s convention: −1 is a symbolic or unknown dimension.
/// </summary>
public sealed class OnnxGraph
{
    public string Name { get; set; } = "";
    public string DocString { get; set; } = "";
    public List<OnnxNode> Nodes { get; init; } = [];
    public List<OnnxTensor> Initializers { get; init; } = [];
    public List<TensorInfo> Inputs { get; init; } = [];
    public List<TensorInfo> Outputs { get; init; } = [];
    public List<TensorInfo> ValueInfo { get; init; } = [];

    /// <summary>
    /// The inputs a caller must feed: graph inputs that are not also initializers (an older exporter lists
    /// initializers among the inputs, which makes them overridable defaults).
    /// </summary>
    public IReadOnlyList<TensorInfo> RuntimeInputs()
    {
        var constants = Initializers.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return Inputs.Where(i => !constants.Contains(i.Name)).ToList();
    }

    public OnnxTensor? Initializer(string name) => Initializers.Find(t => t.Name == name);
}
