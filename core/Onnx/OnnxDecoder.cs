using Euterpe.Core.Tensors;
using Google.Protobuf;
using Onnx;

namespace Euterpe.Core.Onnx;

/// <summary>
/// Parses a ModelProto with ONNX's generated protobuf classes and keeps the parts tools and checks need: opsets,
/// metadata, graph inputs/outputs, initializers and nodes with their attributes. Sub-graph attributes (If/Loop
/// bodies) come back opaque; sparse initializers and training info are dropped. Tensors may hold raw_data or the
/// typed data fields, so models written by other tools read too; external and string tensors are refused.
/// </summary>
internal static class OnnxDecoder
{
    public static OnnxModel DecodeModel(byte[] bytes, string source)
    {
        try
        {
            var proto = ModelProto.Parser.ParseFrom(bytes);
            if (proto.Graph is null) throw new EuterpeException($"{source}: not an ONNX model (no graph)");
            if (proto.IrVersion <= 0) throw new EuterpeException($"{source}: not an ONNX model (no IR version)");
            return Model(proto);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException or ArgumentException)
        {
            throw new EuterpeException($"{source}: not a valid ONNX model: {e.Message}", inner: e);
        }
    }

    private static OnnxModel Model(ModelProto p) => new()
    {
        IrVersion = p.IrVersion, ProducerName = p.ProducerName, ProducerVersion = p.ProducerVersion, Domain = p.Domain,
        ModelVersion = p.ModelVersion, DocString = p.DocString, Graph = Graph(p.Graph),
        Opsets = p.OpsetImport.Select(o => new OnnxOpset(o.Domain, o.Version)).ToList(),
        Metadata = p.MetadataProps.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToList(),
    };

    private static OnnxGraph Graph(GraphProto p) => new()
    {
        Name = p.Name, DocString = p.DocString,
        Nodes = p.Node.Select(Node).ToList(),
        Initializers = p.Initializer.Select(Tensor).ToList(),
        Inputs = p.Input.Select(ValueInfo).ToList(),
        Outputs = p.Output.Select(ValueInfo).ToList(),
        ValueInfo = p.ValueInfo.Select(ValueInfo).ToList(),
    };

    private static OnnxNode Node(NodeProto p) => new()
    {
        OpType = p.OpType, Name = p.Name, Domain = p.Domain, Inputs = [.. p.Input], Outputs = [.. p.Output],
        Attributes = p.Attribute.Select(Attribute).ToList(),
    };

    private static OnnxAttribute Attribute(AttributeProto p) => (OnnxAttributeType)p.Type switch
    {
        OnnxAttributeType.Float => OnnxAttribute.Of(p.Name, p.F),
        OnnxAttributeType.Int => OnnxAttribute.Of(p.Name, p.I),
        OnnxAttributeType.String => OnnxAttribute.Of(p.Name, p.S.ToStringUtf8()),
        OnnxAttributeType.Tensor when p.T is not null => OnnxAttribute.Of(p.Name, Tensor(p.T)),
        OnnxAttributeType.Floats => OnnxAttribute.Of(p.Name, p.Floats.ToArray()),
        OnnxAttributeType.Ints => OnnxAttribute.Of(p.Name, p.Ints.ToArray()),
        OnnxAttributeType.Strings => OnnxAttribute.Of(p.Name, p.Strings.Select(s => s.ToStringUtf8()).ToArray()),
        var other => OnnxAttribute.Opaque(p.Name, other),
    };

    private static OnnxTensor Tensor(TensorProto p)
    {
        if (p.DataLocation == TensorProto.Types.DataLocation.External)
            throw new FormatException($"tensor \"{p.Name}\" keeps its data in an external file, which is not supported");
        if (p.StringData.Count > 0) throw new FormatException($"tensor \"{p.Name}\": string tensors are not supported");
        var type = (TensorElementType)p.DataType;
        var size = OnnxTensor.ElementSize(type);
        if (size == 0) throw new FormatException($"tensor \"{p.Name}\": unsupported element type {p.DataType}");
        return new OnnxTensor(p.Name, type, [.. p.Dims], p.HasRawData ? p.RawData.ToByteArray() : TypedData(p, type, size));
    }

    /// <summary>
    /// The typed fields as raw_data bytes. ONNX keeps each element type in one field (float16 and the small integers
    /// widened into int32_data); each value's low <paramref name="size"/> bytes are the element.
    /// </summary>
    private static byte[] TypedData(TensorProto p, TensorElementType type, int size)
    {
        var values = p.FloatData.Select(f => (ulong)BitConverter.SingleToUInt32Bits(f))
            .Concat(p.Int32Data.Select(i => (ulong)(long)i))
            .Concat(p.Int64Data.Select(i => (ulong)i))
            .Concat(p.DoubleData.Select(BitConverter.DoubleToUInt64Bits))
            .Concat(p.Uint64Data)
            .ToList();
        var raw = new byte[checked(values.Count * size)];
        for (var k = 0; k < values.Count; k++) OnnxTensor.WriteElement(raw.AsSpan(k * size, size), type, values[k]);
        return raw;
    }

    /// <summary>Only tensor types are modelled: sequences and maps come back as Undefined with no shape; −1 is an unknown dimension.</summary>
    private static TensorInfo ValueInfo(ValueInfoProto p)
    {
        var tensor = p.Type?.TensorType;
        var dims = tensor?.Shape?.Dim.ToArray() ?? [];
        var shape = dims.Select(d => d.HasDimValue ? d.DimValue : -1).ToArray();
        var names = dims.Select(d => !d.HasDimValue && d.HasDimParam ? d.DimParam : null).ToArray();
        var type = tensor is null ? TensorElementType.Undefined : (TensorElementType)tensor.ElemType;
        return new TensorInfo(p.Name, type, shape, names.Any(n => n is not null) ? names : null);
    }
}
