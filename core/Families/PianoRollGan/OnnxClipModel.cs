using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Families.PianoRollGan;

/// <summary>
/// A clip generator over an ONNX session: z float [1, latent] in, one clip float [1, 384, 128] out (rows are grid
/// steps, columns pitches). The bindings are made once, so a run allocates nothing.
/// </summary>
public sealed unsafe class OnnxClipModel : IDisposable
{
    private const string Kind = "piano-roll generator";
    private readonly InferenceSession _session;
    private readonly OrtTensor _z;
    private readonly OrtTensor _roll;
    private readonly DoubleBufferedRun _run;

    public OnnxClipModel(InferenceSession session, string latentInput, string rollOutput)
    {
        var zInfo = OnnxSignatureChecks.Input(session, Kind, "latent input", latentInput);
        if (zInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(zInfo, 1, out var latent))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "latent input", zInfo, "float[1, latent]");
        var rollInfo = OnnxSignatureChecks.Output(session, Kind, "roll output", rollOutput);
        if (rollInfo.ElementType != TensorElementType.Float || rollInfo.Shape is not [-1 or 1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches])
            throw OnnxSignatureChecks.Mismatch(session, Kind, "roll output", rollInfo, $"float[1, {PianoRollEncoding.Steps}, {PianoRollEncoding.Pitches}]");
        OnnxSignatureChecks.RequireRoles(session, Kind, [latentInput], [rollOutput]);
        _session = session;
        Latent = checked((int)latent);
        _z = OrtTensor.Create<float>(1, Latent);
        _roll = OrtTensor.Create<float>(1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches);
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

    /// <summary>The clip for <paramref name="z"/> (<see cref="Latent"/> values) into <paramref name="roll"/> (384 × 128 values).</summary>
    public void Run(ReadOnlySpan<float> z, Span<float> roll)
    {
        z.CopyTo(new Span<float>((void*)_z.Data, Latent));
        _run.Run();
        new ReadOnlySpan<float>((void*)_roll.Data, PianoRollEncoding.CellsPerClip).CopyTo(roll);
    }

    public void Dispose()
    {
        _run.Dispose();
        _z.Dispose();
        _roll.Dispose();
        _session.Dispose();
    }
}
