using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;
namespace Euterpe.Core.Generation;

/// <summary>
/// An <see cref="ITokenStepModel"/> over an ONNX session described by a <see cref="TokenModelSignature"/>. Every tensor is
/// allocated and bound once; one <see cref="Step"/> writes the token (and conditioning), runs the bound session once and
/// returns the logits in place, the state carried by double-buffered bindings. Steps allocate nothing.
/// </summary>
public sealed unsafe class OnnxTokenStepModel : ITokenStepModel
{
    private const string Kind = "token model";
    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly OrtTensor _token;
    private readonly OrtTensor _logits;
    private readonly OrtTensor? _conditioning;
    private readonly DoubleBufferedRun _run;
    private readonly long* _tokenData;
    private readonly float* _logitsData;
    private readonly float* _conditioningData;

    /// <summary>Checks the signature against the session and binds it. The session stays the caller's unless <paramref name="ownsSession"/>.</summary>
    public OnnxTokenStepModel(InferenceSession session, TokenModelSignature signature, bool ownsSession = false)
    {
        _session = session;
        _ownsSession = ownsSession;
        Signature = signature;
        var tokenInfo = OnnxSignatureChecks.Input(session, Kind, "token input", signature.TokenInput);
        if (tokenInfo.ElementType != TensorElementType.Int64 || tokenInfo.Shape.Length is not (1 or 2) || tokenInfo.Shape.Any(d => d is not (-1 or 1)))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "token input", tokenInfo, "int64[1] or int64[1, 1]");

        var logitsInfo = OnnxSignatureChecks.Output(session, Kind, "logits output", signature.LogitsOutput);
        if (logitsInfo.ElementType != TensorElementType.Float || logitsInfo.Shape.Length == 0 || !OnnxSignatureChecks.IsOnesThen(logitsInfo, logitsInfo.Shape.Length - 1, out var vocabulary))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "logits output", logitsInfo, "float[..., vocabulary] with a fixed vocabulary and every other dimension 1");
        VocabularySize = checked((int)vocabulary);

        TensorInfo? conditioningInfo = null;
        if (signature.ConditioningInput is { } conditioningName)
        {
            conditioningInfo = OnnxSignatureChecks.Input(session, Kind, "conditioning input", conditioningName);
            if (conditioningInfo.ElementType != TensorElementType.Float
                || !(OnnxSignatureChecks.IsOnesThen(conditioningInfo, 1, out var size) || OnnxSignatureChecks.IsOnesThen(conditioningInfo, 2, out size)))
                throw OnnxSignatureChecks.Mismatch(session, Kind, "conditioning input", conditioningInfo, "float[1, C] or float[1, 1, C] with a fixed C");
            ConditioningSize = checked((int)size);
        }

        var state = OnnxSignatureChecks.StatePairs(session, Kind, signature.State);
        OnnxSignatureChecks.RequireRoles(session, Kind,
            state.Select(s => s.Input).Append(signature.TokenInput).Concat(signature.ConditioningInput is null ? [] : [signature.ConditioningInput]),
            state.Select(s => s.Output).Append(signature.LogitsOutput));

        _token = OrtTensor.Create<long>(OnnxSignatureChecks.Resolve(tokenInfo));
        _logits = OrtTensor.Create<float>(OnnxSignatureChecks.Resolve(logitsInfo));
        _conditioning = conditioningInfo is null ? null : OrtTensor.Create<float>(OnnxSignatureChecks.Resolve(conditioningInfo));
        var inputs = new Dictionary<string, OrtTensor> { [signature.TokenInput] = _token };
        if (_conditioning is not null) inputs[signature.ConditioningInput!] = _conditioning;
        try
        {
            _run = new DoubleBufferedRun(session, inputs, new Dictionary<string, OrtTensor> { [signature.LogitsOutput] = _logits }, state);
        }
        catch
        {
            _token.Dispose();
            _logits.Dispose();
            _conditioning?.Dispose();
            throw;
        }
        _tokenData = (long*)_token.Data;
        _logitsData = (float*)_logits.Data;
        _conditioningData = _conditioning is null ? null : (float*)_conditioning.Data;
    }

    /// <summary>Opens the model file and owns the session.</summary>
    public static OnnxTokenStepModel Open(string path, TokenModelSignature signature, InferenceOptions? options = null)
    {
        var session = InferenceSession.Open(path, options);
        try
        {
            return new OnnxTokenStepModel(session, signature, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public TokenModelSignature Signature { get; }

    public int VocabularySize { get; }

    public int ConditioningSize { get; }

    public void ResetState() => _run.ResetState();

    public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning)
    {
        if ((uint)token >= (uint)VocabularySize) throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary of {VocabularySize}");
        if (conditioning.Length != ConditioningSize) throw new ArgumentException($"conditioning has {conditioning.Length} values, the model reads {ConditioningSize}", nameof(conditioning));
        *_tokenData = token;
        if (ConditioningSize > 0) conditioning.CopyTo(new Span<float>(_conditioningData, ConditioningSize));
        _run.Run();
        var logits = new ReadOnlySpan<float>(_logitsData, VocabularySize);
        if (FirstCorruptLogit(logits) is var corrupt and >= 0) throw CorruptLogit(corrupt, logits[corrupt]);
        return logits;
    }

    /// <summary>
    /// Beyond this a logit is not a trained model's (they stay within tens): a flipped exponent bit in a weight gives
    /// 1e37, and sampling then picks one token for ever (a broken model that "generates" silence with exit 0).
    /// </summary>
    public const float MaxLogitMagnitude = 1e4f;

    /// <summary>The first logit outside ±<see cref="MaxLogitMagnitude"/> or NaN (NaN fails both comparisons), or −1.</summary>
    private static int FirstCorruptLogit(ReadOnlySpan<float> logits)
    {
        for (var i = 0; i < logits.Length; i++)
            if (!(logits[i] >= -MaxLogitMagnitude && logits[i] <= MaxLogitMagnitude)) return i;
        return -1;
    }

    private EuterpeException CorruptLogit(int index, float value) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{_session.Source}: the model's logit {index} is {value:G4}, outside ±{MaxLogitMagnitude:G}: its weights look corrupt"));

    public void Dispose()
    {
        _run.Dispose();
        _token.Dispose();
        _logits.Dispose();
        _conditioning?.Dispose();
        if (_ownsSession) _session.Dispose();
    }
}
