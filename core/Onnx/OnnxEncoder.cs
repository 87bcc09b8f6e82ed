using Euterpe.Core.Tensors;
using Google.Protobuf;
using Onnx;

namespace Euterpe.Core.Onnx;

/// <summary>
/// Serialises a model through ONNX's protobuf classes, generated at build time from <c>Proto/onnx.proto</c>. onnx.proto
/// is proto2, so a field is written when it is set: optional strings left empty stay unset (as onnx.helper leaves
/// them), while names ONNX needs (graph, value, attribute, metadata) are always set. Raw tensor data is wrapped, not copied.
/// </summary>
internal static class OnnxEncoder
{
    public static byte[] EncodeModel(OnnxModel model)
    {
        var proto = new ModelProto { IrVersion = model.IrVersion, Graph = Graph(model.Graph) };
        if (model.ProducerName.Length > 0) proto.ProducerName = model.ProducerName;
        if (model.ProducerVersion.Length > 0) proto.ProducerVersion = model.ProducerVersion;
        if (model.Domain.Length > 0) proto.Domain = model.Domain;
        if (model.ModelVersion != 0) proto.ModelVersion = model.ModelVersion;
        if (model.DocString.Length > 0) proto.DocString = model.DocString;
        foreach (var opset in model.Opsets)
        {
            var id = new OperatorSetIdProto { Version = opset.Version };
            if (opset.Domain.Length > 0) id.Domain = opset.Domain;
            proto.OpsetImport.Add(id);
        }
        foreach (var (key, value) in model.Metadata) proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return proto.ToByteArray();
    }

    private static GraphProto Graph(OnnxGraph graph)
    {
        var proto = new GraphProto { Name = graph.Name };
        if (graph.DocString.Length > 0) proto.DocString = graph.DocString;
        proto.Node.AddRange(graph.Nodes.Select(Node));
        proto.Initializer.AddRange(graph.Initializers.Select(Tensor));
        proto.Input.AddRange(graph.Inputs.Select(ValueInfo));
        proto.Output.AddRange(graph.Outputs.Select(ValueInfo));
        proto.ValueInfo.AddRange(graph.ValueInfo.Select(ValueInfo));
        return proto;
    }

    private static NodeProto Node(OnnxNode node)
    {
        var proto = new NodeProto { OpType = node.OpType, Input = { node.Inputs }, Output = { node.Outputs } };
        if (node.Name.Length > 0) proto.Name = node.Name;
        if (node.Domain.Length > 0) proto.Domain = node.Domain;
        proto.Attribute.AddRange(node.Attributes.Select(Attribute));
        return proto;
    }

    private static AttributeProto Attribute(OnnxAttribute a)
    {
        var proto = new AttributeProto { Name = a.Name, Type = (AttributeProto.Types.AttributeType)a.Type };
        switch (a.Type)
        {
            case OnnxAttributeType.Float: proto.F = a.Float; break;
            case OnnxAttributeType.Int: proto.I = a.Int; break;
            case OnnxAttributeType.String: proto.S = ByteString.CopyFromUtf8(a.String); break;
            case OnnxAttributeType.Tensor: proto.T = Tensor(a.Tensor!); break;
            case OnnxAttributeType.Floats: proto.Floats.AddRange(a.Floats); break;
            case OnnxAttributeType.Ints: proto.Ints.AddRange(a.Ints); break;
            case OnnxAttributeType.Strings: proto.Strings.AddRange(a.Strings.Select(ByteString.CopyFromUtf8)); break;
            default: throw new InvalidOperationException($"attribute \"{a.Name}\": writing {a.Type} attributes is not supported");
        }
        return proto;
    }

    private static TensorProto Tensor(OnnxTensor t)
    {
        var proto = new TensorProto { Dims = { t.Dims }, DataType = (int)t.ElementType, RawData = UnsafeByteOperations.UnsafeWrap(t.RawData) };
        if (t.Name.Length > 0) proto.Name = t.Name;
        return proto;
    }

    /// <summary>A tensor type and shape; a dimension below 0 is written as its name, or left unknown when it has none.</summary>
    private static ValueInfoProto ValueInfo(TensorInfo info)
    {
        var shape = new TensorShapeProto();
        for (var i = 0; i < info.Shape.Length; i++)
        {
            var dim = new TensorShapeProto.Types.Dimension();
            var param = info.DimensionNames is { } names && i < names.Length ? names[i] : null;
            if (info.Shape[i] >= 0) dim.DimValue = info.Shape[i];
            else if (!string.IsNullOrEmpty(param)) dim.DimParam = param;
            shape.Dim.Add(dim);
        }
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)info.ElementType, Shape = shape };
        return new ValueInfoProto { Name = info.Name, Type = new TypeProto { TensorType = tensor } };
    }
}
