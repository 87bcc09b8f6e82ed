using Euterpe.Core.Inference;
using Google.Protobuf;

namespace Euterpe.Core.Onnx;

/// <summary>
/// Reads back the parts of a ModelProto that tools and checks need: opsets, metadata, graph inputs/outputs,
/// initializers and nodes with their attributes. Sub-graph attributes (If/Loop bodies), sparse initializers and
/// training info are skipped. Accepts packed and unpacked repeated scalars, and the typed data fields as well
/// as raw_data, so models written by other tools read too.
/// </summary>
internal static class OnnxDecoder
{
    public static OnnxModel DecodeModel(byte[] bytes, string source)
    {
        try
        {
            var model = ReadModel(new CodedInputStream(bytes));
            if (model is null) throw new EuterpeException($"{source}: not an ONNX model (no graph)");
            if (model.IrVersion <= 0) throw new EuterpeException($"{source}: not an ONNX model (no IR version)");
            return model;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EuterpeException($"{source}: not a valid ONNX model: {e.Message}", inner: e);
        }
        catch (FormatException e)
        {
            throw new EuterpeException($"{source}: not a valid ONNX model: {e.Message}", inner: e);
        }
        catch (ArgumentException e)
        {
            throw new EuterpeException($"{source}: not a valid ONNX model: {e.Message}", inner: e);
        }
    }

    private static OnnxModel? ReadModel(CodedInputStream input)
    {
        long ir = 0, modelVersion = 0;
        string producer = "", producerVersion = "", domain = "", doc = "";
        OnnxGraph? graph = null;
        var opsets = new List<OnnxOpset>();
        var metadata = new List<KeyValuePair<string, string>>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: ir = input.ReadInt64(); break;
                case 2: producer = input.ReadString(); break;
                case 3: producerVersion = input.ReadString(); break;
                case 4: domain = input.ReadString(); break;
                case 5: modelVersion = input.ReadInt64(); break;
                case 6: doc = input.ReadString(); break;
                case 7: graph = ReadGraph(Nested(input)); break;
                case 8: opsets.Add(ReadOpset(Nested(input))); break;
                case 14: metadata.Add(ReadEntry(Nested(input))); break;
                default: input.SkipLastField(); break;
            }
        }
        if (graph is null) return null;
        return new OnnxModel
        {
            IrVersion = ir, ProducerName = producer, ProducerVersion = producerVersion, Domain = domain,
            ModelVersion = modelVersion, DocString = doc, Opsets = opsets, Graph = graph, Metadata = metadata,
        };
    }

    private static OnnxOpset ReadOpset(CodedInputStream input)
    {
        string domain = "";
        long version = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: domain = input.ReadString(); break;
                case 2: version = input.ReadInt64(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxOpset(domain, version);
    }

    private static KeyValuePair<string, string> ReadEntry(CodedInputStream input)
    {
        string key = "", value = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: key = input.ReadString(); break;
                case 2: value = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new(key, value);
    }

    private static OnnxGraph ReadGraph(CodedInputStream input)
    {
        var graph = new OnnxGraph();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: graph.Nodes.Add(ReadNode(Nested(input))); break;
                case 2: graph.Name = input.ReadString(); break;
                case 5: graph.Initializers.Add(ReadTensor(Nested(input))); break;
                case 10: graph.DocString = input.ReadString(); break;
                case 11: graph.Inputs.Add(ReadValueInfo(Nested(input))); break;
                case 12: graph.Outputs.Add(ReadValueInfo(Nested(input))); break;
                case 13: graph.ValueInfo.Add(ReadValueInfo(Nested(input))); break;
                default: input.SkipLastField(); break;
            }
        }
        return graph;
    }

    private static OnnxNode ReadNode(CodedInputStream input)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        string name = "", opType = "", domain = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 3: name = input.ReadString(); break;
                case 4: opType = input.ReadString(); break;
                case 5: attributes.Add(ReadAttribute(Nested(input))); break;
                case 7: domain = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxNode { OpType = opType, Name = name, Domain = domain, Inputs = inputs, Outputs = outputs, Attributes = attributes };
    }

    private static OnnxAttribute ReadAttribute(CodedInputStream input)
    {
        string name = "";
        var type = OnnxAttributeType.Undefined;
        float f = 0;
        long i = 0;
        string s = "";
        OnnxTensor? t = null;
        var floats = new List<float>();
        var ints = new List<long>();
        var strings = new List<string>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: i = input.ReadInt64(); break;
                case 4: s = input.ReadBytes().ToStringUtf8(); break;
                case 5: t = ReadTensor(Nested(input)); break;
                case 7: ReadRepeated(input, tag, WireFormat.WireType.Fixed32, x => floats.Add(x.ReadFloat())); break;
                case 8: ReadRepeated(input, tag, WireFormat.WireType.Varint, x => ints.Add(x.ReadInt64())); break;
                case 9: strings.Add(input.ReadBytes().ToStringUtf8()); break;
                case 20: type = (OnnxAttributeType)input.ReadEnum(); break;
                default: input.SkipLastField(); break;
            }
        }
        return type switch
        {
            OnnxAttributeType.Float => OnnxAttribute.Of(name, f),
            OnnxAttributeType.Int => OnnxAttribute.Of(name, i),
            OnnxAttributeType.String => OnnxAttribute.Of(name, s),
            OnnxAttributeType.Tensor when t is not null => OnnxAttribute.Of(name, t),
            OnnxAttributeType.Floats => OnnxAttribute.Of(name, floats.ToArray()),
            OnnxAttributeType.Ints => OnnxAttribute.Of(name, ints.ToArray()),
            OnnxAttributeType.Strings => OnnxAttribute.Of(name, strings.ToArray()),
            _ => OnnxAttribute.Opaque(name, type),
        };
    }

    private static OnnxTensor ReadTensor(CodedInputStream input)
    {
        var dims = new List<long>();
        var type = TensorElementType.Undefined;
        string name = "";
        byte[]? raw = null;
        var values = new List<ulong>();
        var external = false;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: ReadRepeated(input, tag, WireFormat.WireType.Varint, x => dims.Add(x.ReadInt64())); break;
                case 2: type = (TensorElementType)input.ReadInt32(); break;
                case 4: ReadRepeated(input, tag, WireFormat.WireType.Fixed32, x => values.Add(x.ReadFixed32())); break;
                case 5: ReadRepeated(input, tag, WireFormat.WireType.Varint, x => values.Add((ulong)(long)x.ReadInt32())); break;
                case 6: throw new FormatException($"tensor \"{name}\": string tensors are not supported");
                case 7: ReadRepeated(input, tag, WireFormat.WireType.Varint, x => values.Add((ulong)x.ReadInt64())); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes().ToByteArray(); break;
                case 10: ReadRepeated(input, tag, WireFormat.WireType.Fixed64, x => values.Add(x.ReadFixed64())); break;
                case 11: ReadRepeated(input, tag, WireFormat.WireType.Varint, x => values.Add(x.ReadUInt64())); break;
                case 14: external = input.ReadEnum() == 1; break;
                default: input.SkipLastField(); break;
            }
        }
        if (external) throw new FormatException($"tensor \"{name}\" keeps its data in an external file, which is not supported");
        var size = OnnxTensor.ElementSize(type);
        if (size == 0) throw new FormatException($"tensor \"{name}\": unsupported element type {(int)type}");
        if (raw is null)
        {
            raw = new byte[checked(values.Count * size)];
            for (var k = 0; k < values.Count; k++) OnnxTensor.WriteElement(raw.AsSpan(k * size, size), type, values[k]);
        }
        return new OnnxTensor(name, type, dims.ToArray(), raw);
    }

    private static TensorInfo ReadValueInfo(CodedInputStream input)
    {
        string name = "";
        var type = TensorElementType.Undefined;
        var shape = new List<long>();
        var names = new List<string?>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: ReadType(Nested(input), ref type, shape, names); break;
                default: input.SkipLastField(); break;
            }
        }
        return new TensorInfo(name, type, shape.ToArray(), names.Any(n => n is not null) ? names.ToArray() : null);
    }

    // TypeProto → only tensor_type is modelled; sequences and maps come back as Undefined with no shape.
    private static void ReadType(CodedInputStream input, ref TensorElementType type, List<long> shape, List<string?> names)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1) { input.SkipLastField(); continue; }
            var tensorType = Nested(input);
            uint inner;
            while ((inner = tensorType.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(inner))
                {
                    case 1: type = (TensorElementType)tensorType.ReadInt32(); break;
                    case 2: ReadShape(Nested(tensorType), shape, names); break;
                    default: tensorType.SkipLastField(); break;
                }
            }
        }
    }

    private static void ReadShape(CodedInputStream input, List<long> shape, List<string?> names)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1) { input.SkipLastField(); continue; }
            var dim = Nested(input);
            long value = -1;
            string? param = null;
            uint inner;
            while ((inner = dim.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(inner))
                {
                    case 1: value = dim.ReadInt64(); break;
                    case 2: param = dim.ReadString(); break;
                    default: dim.SkipLastField(); break;
                }
            }
            shape.Add(value);
            names.Add(value >= 0 ? null : param);
        }
    }

    /// <summary>A repeated scalar arrives either as one element per tag or packed in one length-delimited blob.</summary>
    private static void ReadRepeated(CodedInputStream input, uint tag, WireFormat.WireType elementWire, Action<CodedInputStream> readOne)
    {
        if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
        {
            var packed = Nested(input);
            while (!packed.IsAtEnd) readOne(packed);
        }
        else if (WireFormat.GetTagWireType(tag) == elementWire)
        {
            readOne(input);
        }
        else
        {
            throw new FormatException($"field {WireFormat.GetTagFieldNumber(tag)} has wire type {WireFormat.GetTagWireType(tag)}");
        }
    }

    private static CodedInputStream Nested(CodedInputStream input) => input.ReadBytes().CreateCodedInput();
}
