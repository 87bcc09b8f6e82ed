using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Families.PianoRollGan;

/// <summary>
/// A clip generator over an ONNX session: z float [1, latent] in, one clip float [1, 384, 128] out (rows are grid
/// steps, columns pitches), or of another shape given (the multi-track GAN's [1, 17, 64, 128]). The bindings are made
/// once, so a run allocates nothing.
/// </summary>
public sealed unsafe class OnnxClipModel : IDisposable
{
    private const string Kind = "piano-roll generator";
    private readonly InferenceSession _session;
    private readonly OrtTensor _z;
    private readonly OrtTensor _roll;
    private readonly DoubleBufferedRun _run;

    public OnnxClipModel(InferenceSession session, string latentInput, string rollOutput)
        : this(session, latentInput, rollOutput, [PianoRollEncoding.Steps, PianoRollEncoding.Pitches])
    {
    }

    /// <param name="clipShape">The clip's dimensions after the batch of one.</param>
    public OnnxClipModel(InferenceSession session, string latentInput, string rollOutput, long[] clipShape)
    {
        var zInfo = OnnxSignatureChecks.Input(session, Kind, "latent input", latentInput);
        if (zInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(zInfo, 1, out var latent))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "latent input", zInfo, "float[1, latent]");
        var rollInfo = OnnxSignatureChecks.Output(session, Kind, "roll output", rollOutput);
        if (rollInfo.ElementType != TensorElementType.Float || rollInfo.Shape.Length != clipShape.Length + 1 || rollInfo.Shape[0] is not (-1 or 1)
            || !rollInfo.Shape.AsSpan(1).SequenceEqual(clipShape))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "roll output", rollInfo, $"float[1, {string.Join(", ", clipShape)}]");
        OnnxSignatureChecks.RequireRoles(session, Kind, [latentInput], [rollOutput]);
        _session = session;
        Latent = checked((int)latent);
        _z = OrtTensor.Create<float>(1, Latent);
        Cells = checked((int)clipShape.Aggregate(1L, (a, d) => a * d));
        _roll = OrtTensor.Create<float>([1, .. clipShape]);
        try
        {
            _run = new DoubleBufferedRun(session, new Dictionary<string, OrtTensor> { [latentInput] = _z }, new Dictionary<string, OrtTensor> { [rollOutput] = _roll }, []);
        }
        catch
        {
            _z.Dispose();
            _roll.Dispose();
            throw;
        }
    }

    public int Latent { get; }

    /// <summary>Values in one clip.</summary>
    public int Cells { get; }

    /// <summary>The clip for <paramref name="z"/> (<see cref="Latent"/> values) into <paramref name="roll"/> (<see cref="Cells"/> values).</summary>
    public void Run(ReadOnlySpan<float> z, Span<float> roll)
    {
        z.CopyTo(new Span<float>((void*)_z.Data, Latent));
        _run.Run();
        new ReadOnlySpan<float>((void*)_roll.Data, Cells).CopyTo(roll);
    }

    public void Dispose()
    {
        _run.Dispose();
        _z.Dispose();
        _roll.Dispose();
        _session.Dispose();
    }
}
