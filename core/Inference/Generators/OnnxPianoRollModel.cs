namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// An <see cref="IPianoRollModel"/> over an ONNX session described by a <see cref="PianoRollModelSignature"/>: noise and
/// conditioning in, one roll out, squashed by a sigmoid when the model emits logits. Runs allocate nothing.
/// </summary>
public sealed unsafe class OnnxPianoRollModel : IPianoRollModel
{
    private const string Kind = "piano-roll model";
    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly OrtTensor _noise;
    private readonly OrtTensor? _conditioning;
    private readonly OrtTensor _roll;
    private readonly DoubleBufferedRun _run;

    public OnnxPianoRollModel(InferenceSession session, PianoRollModelSignature signature, bool ownsSession = false)
    {
        _session = session;
        _ownsSession = ownsSession;
        Signature = signature;
        var noiseInfo = OnnxSignatureChecks.Input(session, Kind, "noise input", signature.NoiseInput);
        if (noiseInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(noiseInfo, 1, out var latent))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "noise input", noiseInfo, "float[1, Z] with a fixed Z");
        LatentSize = checked((int)latent);

        TensorInfo? conditioningInfo = null;
        if (signature.ConditioningInput is { } conditioningName)
        {
            conditioningInfo = OnnxSignatureChecks.Input(session, Kind, "conditioning input", conditioningName);
            if (conditioningInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(conditioningInfo, 1, out var size))
                throw OnnxSignatureChecks.Mismatch(session, Kind, "conditioning input", conditioningInfo, "float[1, C] with a fixed C");
            ConditioningSize = checked((int)size);
        }

        var rollInfo = OnnxSignatureChecks.Output(session, Kind, "roll output", signature.RollOutput);
        var shape = rollInfo.Shape;
        var leading = shape.Length - 2;
        if (rollInfo.ElementType != TensorElementType.Float || leading is not (1 or 2) || shape[^1] <= 0 || shape[^2] <= 0
            || shape.Take(leading).Any(d => d is not (-1 or 1)))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "roll output", rollInfo, "float[1, steps, pitches] or float[1, 1, steps, pitches] with fixed steps and pitches");
        Steps = checked((int)shape[^2]);
        Pitches = checked((int)shape[^1]);

        OnnxSignatureChecks.RequireRoles(session, Kind,
            signature.ConditioningInput is null ? [signature.NoiseInput] : [signature.NoiseInput, signature.ConditioningInput], [signature.RollOutput]);
        _noise = OrtTensor.Create<float>(1, LatentSize);
        _conditioning = conditioningInfo is null ? null : OrtTensor.Create<float>(1, ConditioningSize);
        _roll = OrtTensor.Create<float>(OnnxSignatureChecks.Resolve(rollInfo));
        var inputs = new Dictionary<string, OrtTensor> { [signature.NoiseInput] = _noise };
        if (_conditioning is not null) inputs[signature.ConditioningInput!] = _conditioning;
        try
        {
            _run = new DoubleBufferedRun(session, inputs, new Dictionary<string, OrtTensor> { [signature.RollOutput] = _roll }, []);
        }
        catch
        {
            _noise.Dispose();
            _conditioning?.Dispose();
            _roll.Dispose();
            throw;
        }
    }

    public static OnnxPianoRollModel Open(string path, PianoRollModelSignature signature, InferenceOptions? options = null)
    {
        var session = InferenceSession.Open(path, options);
        try
        {
            return new OnnxPianoRollModel(session, signature, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public PianoRollModelSignature Signature { get; }

    /// <summary>Whether the model emits logits that <see cref="Generate"/> passes through a sigmoid.</summary>
    public bool OutputsLogits => Signature.OutputsLogits;

    public int LatentSize { get; }

    public int ConditioningSize { get; }

    public int Steps { get; }

    public int Pitches { get; }

    public void Generate(ReadOnlySpan<float> noise, ReadOnlySpan<float> conditioning, Span<float> roll)
    {
        if (noise.Length != LatentSize) throw new ArgumentException($"noise has {noise.Length} values, the model reads {LatentSize}", nameof(noise));
        if (conditioning.Length != ConditioningSize) throw new ArgumentException($"conditioning has {conditioning.Length} values, the model reads {ConditioningSize}", nameof(conditioning));
        var cells = Steps * Pitches;
        if (roll.Length != cells) throw new ArgumentException($"roll has {roll.Length} cells, the model writes {Steps} × {Pitches}", nameof(roll));
        noise.CopyTo(new Span<float>((void*)_noise.Data, LatentSize));
        if (_conditioning is not null) conditioning.CopyTo(new Span<float>((void*)_conditioning.Data, ConditioningSize));
        _run.Run();
        var output = new ReadOnlySpan<float>((void*)_roll.Data, cells);
        if (!OutputsLogits)
        {
            output.CopyTo(roll);
            return;
        }
        for (var i = 0; i < cells; i++) roll[i] = 1f / (1f + MathF.Exp(-output[i]));
    }

    public void Dispose()
    {
        _run.Dispose();
        _noise.Dispose();
        _conditioning?.Dispose();
        _roll.Dispose();
        if (_ownsSession) _session.Dispose();
    }
}
