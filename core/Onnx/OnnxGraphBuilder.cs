using Euterpe.Core.Tensors;

namespace Euterpe.Core.Onnx;

/// <summary>
/// Builds an ONNX graph in the order a forward pass reads: declare inputs and weights, apply operators
/// (which return handles to their outputs), then name the outputs. Node and intermediate value names are
/// generated and unique; operator helpers follow the default domain at opset 17 (axes of Squeeze, Unsqueeze
/// and ReduceSum as inputs, of ReduceMean as an attribute).
/// </summary>
public sealed partial class OnnxGraphBuilder
{
    private readonly OnnxGraph _graph;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeOutputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNodeNames = new(StringComparer.Ordinal);

    /// <summary>The opsets whose operator forms the helpers write (LSTM's layout needs 14; ReduceMean's axes move to an input in 18).</summary>
    public const long MinOpsetVersion = 14, MaxOpsetVersion = 17;

    public OnnxGraphBuilder(string graphName, long opsetVersion = OnnxModel.DefaultOpsetVersion)
    {
        if (opsetVersion is < MinOpsetVersion or > MaxOpsetVersion)
            throw new ArgumentOutOfRangeException(nameof(opsetVersion), opsetVersion, $"the builder's operator helpers follow opsets {MinOpsetVersion} to {MaxOpsetVersion}");
        _graph = new OnnxGraph { Name = graphName };
        OpsetVersion = opsetVersion;
    }

    public long OpsetVersion { get; }

    /// <summary>Declares a graph input. A dimension of −1 is symbolic; give its name (e.g. "time") in <paramref name="dimensionNames"/>.</summary>
    public OnnxValue Input(string name, TensorElementType type, long[] shape, string?[]? dimensionNames = null)
    {
        Claim(name);
        _graph.Inputs.Add(new TensorInfo(name, type, shape, dimensionNames));
        return new OnnxValue(name);
    }

    public OnnxValue Initializer(string name, float[] data, long[] shape) => Initializer(OnnxTensor.FromFloats(name, data, shape));
    public OnnxValue Initializer(string name, long[] data, long[] shape) => Initializer(OnnxTensor.FromInt64s(name, data, shape));
    public OnnxValue Initializer(string name, int[] data, long[] shape) => Initializer(OnnxTensor.FromInt32s(name, data, shape));
    public OnnxValue Initializer(string name, double[] data, long[] shape) => Initializer(OnnxTensor.FromDoubles(name, data, shape));

    public OnnxValue Initializer(OnnxTensor tensor)
    {
        Claim(tensor.Name);
        _graph.Initializers.Add(tensor);
        return new OnnxValue(tensor.Name);
    }

    /// <summary>A 1-D int64 constant, the form shapes, axes, starts/ends and split sizes take.</summary>
    public OnnxValue Int64s(params long[] values) => Int64s("const", values);

    public OnnxValue Int64s(string hint, long[] values) => AddGenerated(OnnxTensor.FromInt64s(GeneratedName(hint), values, [values.Length]));

    // The name was already reserved by UniqueName.
    private OnnxValue AddGenerated(OnnxTensor tensor)
    {
        _graph.Initializers.Add(tensor);
        return new OnnxValue(tensor.Name);
    }

    /// <summary>
    /// Applies any operator. A null input is an omitted optional input. Returns one handle per output.
    /// </summary>
    public OnnxValue[] Node(string opType, IReadOnlyList<OnnxValue?> inputs, int outputCount = 1, params OnnxAttribute[] attributes) =>
        Node(opType, "", inputs, outputCount, attributes);

    public OnnxValue[] Node(string opType, string domain, IReadOnlyList<OnnxValue?> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        var nodeName = UniqueNodeName(opType);
        var node = new OnnxNode { OpType = opType, Domain = domain, Name = nodeName, Attributes = [.. attributes] };
        // Trailing omitted inputs are dropped; inner ones stay as "" as ONNX requires.
        var last = inputs.Count - 1;
        while (last >= 0 && inputs[last] is null) last--;
        for (var i = 0; i <= last; i++) node.Inputs.Add(inputs[i] is { } v ? Resolve(v) : "");

        var outputs = new OnnxValue[outputCount];
        for (var i = 0; i < outputCount; i++)
        {
            var name = UniqueName(outputCount == 1 ? nodeName : $"{nodeName}_out{i}");
            node.Outputs.Add(name);
            _nodeOutputs.Add(name);
            outputs[i] = new OnnxValue(name);
        }
        _graph.Nodes.Add(node);
        return outputs;
    }

    /// <summary>
    /// Makes <paramref name="value"/> a graph output called <paramref name="name"/>. A generated node output is
    /// renamed in place (existing handles follow the rename); an input, initializer or already-named value gets an Identity.
    /// </summary>
    public OnnxValue Output(OnnxValue value, string name, TensorElementType type, long[] shape, string?[]? dimensionNames = null)
    {
        var current = Resolve(value);
        if (current != name)
        {
            var renamable = _nodeOutputs.Contains(current) && !_graph.Outputs.Exists(o => o.Name == current) && !_usedNames.Contains(name);
            if (renamable)
            {
                Claim(name);
                foreach (var node in _graph.Nodes)
                {
                    for (var i = 0; i < node.Inputs.Count; i++) if (node.Inputs[i] == current) node.Inputs[i] = name;
                    for (var i = 0; i < node.Outputs.Count; i++) if (node.Outputs[i] == current) node.Outputs[i] = name;
                }
                _nodeOutputs.Remove(current);
                _nodeOutputs.Add(name);
                _renamed[current] = name;
                foreach (var key in _renamed.Where(kv => kv.Value == current).Select(kv => kv.Key).ToList()) _renamed[key] = name;
            }
            else
            {
                Claim(name);
                var node = new OnnxNode { OpType = "Identity", Name = UniqueNodeName("Identity"), Inputs = [current], Outputs = [name] };
                _graph.Nodes.Add(node);
                _nodeOutputs.Add(name);
            }
        }
        _graph.Outputs.Add(new TensorInfo(name, type, shape, dimensionNames));
        return new OnnxValue(name);
    }

    public OnnxGraph ToGraph() => _graph;

    /// <summary>The finished model; <paramref name="metadata"/> becomes metadata_props (e.g. the manifest id).</summary>
    public OnnxModel ToModel(IEnumerable<KeyValuePair<string, string>>? metadata = null, string producerVersion = "", string docString = "") => new()
    {
        Graph = _graph,
        Opsets = [new OnnxOpset("", OpsetVersion)],
        ProducerVersion = producerVersion,
        DocString = docString,
        Metadata = metadata?.ToList() ?? [],
    };

    /// <summary>A value name not used yet in this graph, derived from <paramref name="hint"/>.</summary>
    public string UniqueName(string hint)
    {
        if (_usedNames.Add(hint)) return hint;
        var index = _counters.TryGetValue("$" + hint, out var n) ? n : 1;
        string name;
        do name = $"{hint}_{index++}"; while (!_usedNames.Add(name));
        _counters["$" + hint] = index;
        return name;
    }

    // Generated values always carry a number ("axes_0"), so they do not take plain names like "shape" a caller may want for an output.
    private string GeneratedName(string hint)
    {
        var index = _counters.TryGetValue("#" + hint, out var n) ? n : 0;
        string name;
        do name = $"{hint}_{index++}"; while (!_usedNames.Add(name));
        _counters["#" + hint] = index;
        return name;
    }

    private string UniqueNodeName(string opType)
    {
        var index = _counters.TryGetValue(opType, out var n) ? n : 0;
        string nodeName;
        do nodeName = $"{opType}_{index++}"; while (!_usedNodeNames.Add(nodeName));
        _counters[opType] = index;
        return nodeName;
    }

    private string Resolve(OnnxValue value)
    {
        if (string.IsNullOrEmpty(value.Name)) throw new ArgumentException("a default OnnxValue is not a value of this graph", nameof(value));
        return _renamed.TryGetValue(value.Name, out var renamed) ? renamed : value.Name;
    }

    private void Claim(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("ONNX value names must not be empty", nameof(name));
        if (!_usedNames.Add(name)) throw new ArgumentException($"graph \"{_graph.Name}\" already has a value named \"{name}\"", nameof(name));
    }

    private OnnxValue One(string opType, OnnxValue?[] inputs, params OnnxAttribute[] attributes) => Node(opType, inputs, 1, attributes)[0];
}
