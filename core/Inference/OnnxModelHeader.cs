using Google.Protobuf;

namespace Euterpe.Core.Inference;

/// <summary>
/// The top-level fields of an ONNX ModelProto that ONNX Runtime's C API does not expose: IR version, producer and
/// the operator sets imported. Read at the protobuf wire level, skipping the graph, so large models cost little.
/// </summary>
public sealed record OnnxModelHeader(long IrVersion, string ProducerName, string ProducerVersion, IReadOnlyList<OnnxOpset> Opsets)
{
    // ModelProto field numbers (onnx.proto).
    private const int IrVersionField = 1, ProducerNameField = 2, ProducerVersionField = 3, OpsetImportField = 8;

    public static OnnxModelHeader Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Read(stream);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EuterpeException($"{path}: not an ONNX model ({ex.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static OnnxModelHeader Read(Stream stream)
    {
        var input = new CodedInputStream(stream);
        long ir = 0;
        string producer = "", producerVersion = "";
        var opsets = new List<OnnxOpset>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case IrVersionField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint:
                    ir = input.ReadInt64();
                    break;
                case ProducerNameField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    producer = input.ReadString();
                    break;
                case ProducerVersionField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    producerVersion = input.ReadString();
                    break;
                case OpsetImportField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    opsets.Add(ReadOpset(input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new OnnxModelHeader(ir, producer, producerVersion, opsets);
    }

    // OperatorSetIdProto { string domain = 1; int64 version = 2; }
    private static OnnxOpset ReadOpset(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string domain = "";
        long version = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited: domain = input.ReadString(); break;
                case 2 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint: version = input.ReadInt64(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxOpset(domain, version);
    }
}
