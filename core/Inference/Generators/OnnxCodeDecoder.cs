namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// An <see cref="ICodeDecoder"/> over an ONNX session described by a <see cref="CodeDecoderSignature"/>: a code in, and
/// either token logits out (decoded greedily, argmax per position) or the tokens themselves. Decodes allocate nothing.
/// </summary>
public sealed unsafe class OnnxCodeDecoder : ICodeDecoder
{
    private const string Kind = "code decoder";
    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly OrtTensor _code;
    private readonly OrtTensor _output;
    private readonly DoubleBufferedRun _run;

    public OnnxCodeDecoder(InferenceSession session, CodeDecoderSignature signature, bool ownsSession = false)
    {
        _session = session;
        _ownsSession = ownsSession;
        Signature = signature;
        var codeInfo = OnnxSignatureChecks.Input(session, Kind, "code input", signature.CodeInput);
        if (codeInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(codeInfo, 1, out var codeSize))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "code input", codeInfo, "float[1, K] with a fixed K");
        CodeSize = checked((int)codeSize);

        var outputInfo = OnnxSignatureChecks.Output(session, Kind, "output", signature.Output);
        var shape = outputInfo.Shape;
        if (outputInfo.ElementType == TensorElementType.Float && shape.Length == 3 && shape[0] is -1 or 1 && shape[1] > 0 && shape[2] > 0)
        {
            SequenceLength = checked((int)shape[1]);
            VocabularySize = checked((int)shape[2]);
        }
        else if (outputInfo.ElementType == TensorElementType.Int64 && OnnxSignatureChecks.IsOnesThen(outputInfo, 1, out var length))
            SequenceLength = checked((int)length);
        else
            throw OnnxSignatureChecks.Mismatch(session, Kind, "output", outputInfo, "float[1, L, V] token logits or int64[1, L] tokens, L and V fixed");

        OnnxSignatureChecks.RequireRoles(session, Kind, [signature.CodeInput], [signature.Output]);
        _code = OrtTensor.Create<float>(1, CodeSize);
        _output = VocabularySize > 0 ? OrtTensor.Create<float>(1, SequenceLength, VocabularySize) : OrtTensor.Create<long>(1, SequenceLength);
        try
        {
            _run = new DoubleBufferedRun(session, new Dictionary<string, OrtTensor> { [signature.CodeInput] = _code },
                new Dictionary<string, OrtTensor> { [signature.Output] = _output }, []);
        }
        catch
        {
            _code.Dispose();
            _output.Dispose();
            throw;
        }
    }

    public static OnnxCodeDecoder Open(string path, CodeDecoderSignature signature, InferenceOptions? options = null)
    {
        var session = InferenceSession.Open(path, options);
        try
        {
            return new OnnxCodeDecoder(session, signature, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public CodeDecoderSignature Signature { get; }

    public int CodeSize { get; }

    public int SequenceLength { get; }

    /// <summary>Tokens per position of the logits output; 0 when the model emits tokens directly.</summary>
    public int VocabularySize { get; }

    public void Decode(ReadOnlySpan<float> code, Span<int> tokens)
    {
        if (code.Length != CodeSize) throw new ArgumentException($"code has {code.Length} values, the decoder reads {CodeSize}", nameof(code));
        if (tokens.Length != SequenceLength) throw new ArgumentException($"room for {tokens.Length} tokens, the decoder writes {SequenceLength}", nameof(tokens));
        code.CopyTo(new Span<float>((void*)_code.Data, CodeSize));
        _run.Run();
        if (VocabularySize == 0)
        {
            var direct = new ReadOnlySpan<long>((void*)_output.Data, SequenceLength);
            for (var i = 0; i < tokens.Length; i++)
            {
                if (direct[i] is < 0 or > int.MaxValue) throw new EuterpeException($"{_session.Source}: {Kind} wrote token {direct[i]}, which is no token");
                tokens[i] = (int)direct[i];
            }
            return;
        }
        var logits = new ReadOnlySpan<float>((void*)_output.Data, SequenceLength * VocabularySize);
        for (var i = 0; i < tokens.Length; i++)
        {
            var row = logits.Slice(i * VocabularySize, VocabularySize);
            var best = 0;
            for (var v = 1; v < row.Length; v++) if (row[v] > row[best]) best = v;
            tokens[i] = best;
        }
    }

    public void Dispose()
    {
        _run.Dispose();
        _code.Dispose();
        _output.Dispose();
        if (_ownsSession) _session.Dispose();
    }
}
