using Euterpe.Core.Inference;
using Google.Protobuf;

namespace Euterpe.Core.Onnx;

/// <summary>
/// Writes ONNX's protobuf messages field by field. Field numbers and wire types follow onnx.proto (proto2, so
/// repeated scalars are written unpacked). Nested messages are encoded to their own buffer first because
/// protobuf prefixes each with its length.
/// </summary>
internal static class OnnxEncoder
{
    public static byte[] EncodeModel(OnnxModel model) => Encode(o =>
    {
        o.WriteTag(1, WireFormat.WireType.Varint); o.WriteInt64(model.IrVersion);
        WriteString(o, 2, model.ProducerName);
        WriteString(o, 3, model.ProducerVersion);
        WriteString(o, 4, model.Domain);
        if (model.ModelVersion != 0) { o.WriteTag(5, WireFormat.WireType.Varint); o.WriteInt64(model.ModelVersion); }
        WriteString(o, 6, model.DocString);
        WriteMessage(o, 7, EncodeGraph(model.Graph));
        foreach (var opset in model.Opsets)
            WriteMessage(o, 8, Encode(s =>
            {
                WriteString(s, 1, opset.Domain);
                s.WriteTag(2, WireFormat.WireType.Varint); s.WriteInt64(opset.Version);
            }));
        foreach (var (key, value) in model.Metadata)
            WriteMessage(o, 14, Encode(s => { WriteString(s, 1, key, always: true); WriteString(s, 2, value, always: true); }));
    });

    private static byte[] EncodeGraph(OnnxGraph graph) => Encode(o =>
    {
        foreach (var node in graph.Nodes) WriteMessage(o, 1, EncodeNode(node));
        WriteString(o, 2, graph.Name, always: true);
        foreach (var tensor in graph.Initializers) WriteMessage(o, 5, EncodeTensor(tensor));
        WriteString(o, 10, graph.DocString);
        foreach (var input in graph.Inputs) WriteMessage(o, 11, EncodeValueInfo(input));
        foreach (var output in graph.Outputs) WriteMessage(o, 12, EncodeValueInfo(output));
        foreach (var info in graph.ValueInfo) WriteMessage(o, 13, EncodeValueInfo(info));
    });

    private static byte[] EncodeNode(OnnxNode node) => Encode(o =>
    {
        foreach (var input in node.Inputs) WriteString(o, 1, input, always: true);
        foreach (var output in node.Outputs) WriteString(o, 2, output, always: true);
        WriteString(o, 3, node.Name);
        WriteString(o, 4, node.OpType, always: true);
        foreach (var attribute in node.Attributes) WriteMessage(o, 5, EncodeAttribute(attribute));
        WriteString(o, 7, node.Domain);
    });

    private static byte[] EncodeAttribute(OnnxAttribute a) => Encode(o =>
    {
        WriteString(o, 1, a.Name, always: true);
        switch (a.Type)
        {
            case OnnxAttributeType.Float:
                o.WriteTag(2, WireFormat.WireType.Fixed32); o.WriteFloat(a.Float); break;
            case OnnxAttributeType.Int:
                o.WriteTag(3, WireFormat.WireType.Varint); o.WriteInt64(a.Int); break;
            case OnnxAttributeType.String:
                o.WriteTag(4, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFromUtf8(a.String)); break;
            case OnnxAttributeType.Tensor:
                WriteMessage(o, 5, EncodeTensor(a.Tensor!)); break;
            case OnnxAttributeType.Floats:
                foreach (var f in a.Floats) { o.WriteTag(7, WireFormat.WireType.Fixed32); o.WriteFloat(f); }
                break;
            case OnnxAttributeType.Ints:
                foreach (var i in a.Ints) { o.WriteTag(8, WireFormat.WireType.Varint); o.WriteInt64(i); }
                break;
            case OnnxAttributeType.Strings:
                foreach (var s in a.Strings) { o.WriteTag(9, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFromUtf8(s)); }
                break;
            default:
                throw new InvalidOperationException($"attribute \"{a.Name}\": writing {a.Type} attributes is not supported");
        }
        o.WriteTag(20, WireFormat.WireType.Varint); o.WriteEnum((int)a.Type);
    });

    private static byte[] EncodeTensor(OnnxTensor t) => Encode(o =>
    {
        foreach (var d in t.Dims) { o.WriteTag(1, WireFormat.WireType.Varint); o.WriteInt64(d); }
        o.WriteTag(2, WireFormat.WireType.Varint); o.WriteInt32((int)t.ElementType);
        WriteString(o, 8, t.Name);
        o.WriteTag(9, WireFormat.WireType.LengthDelimited); o.WriteBytes(UnsafeByteOperations.UnsafeWrap(t.RawData));
    });

    private static byte[] EncodeValueInfo(TensorInfo info) => Encode(o =>
    {
        WriteString(o, 1, info.Name, always: true);
        var shape = Encode(s =>
        {
            for (var i = 0; i < info.Shape.Length; i++)
            {
                var dim = info.Shape[i];
                var param = info.DimensionNames is { } names && i < names.Length ? names[i] : null;
                WriteMessage(s, 1, Encode(d =>
                {
                    if (dim >= 0) { d.WriteTag(1, WireFormat.WireType.Varint); d.WriteInt64(dim); }
                    else if (!string.IsNullOrEmpty(param)) WriteString(d, 2, param);
                }));
            }
        });
        var tensorType = Encode(s =>
        {
            s.WriteTag(1, WireFormat.WireType.Varint); s.WriteInt32((int)info.ElementType);
            WriteMessage(s, 2, shape);
        });
        WriteMessage(o, 2, Encode(s => WriteMessage(s, 1, tensorType)));
    });

    private static void WriteString(CodedOutputStream o, int field, string value, bool always = false)
    {
        if (value.Length == 0 && !always) return;
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    private static void WriteMessage(CodedOutputStream o, int field, byte[] body)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(UnsafeByteOperations.UnsafeWrap(body));
    }

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }
        return buffer.ToArray();
    }
}
