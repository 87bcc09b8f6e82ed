using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Families.Dcrnn;

/// <summary>
/// The DCRNN generator over an ONNX session: z float [1, latent] and the pitch-class histogram float [1, 12]
/// (the manifest's io.histogramInput) in, one clip float [1, 384, 128] out (rows are the piano-roll grid's steps, columns
/// pitches). The bindings are made once, so a run allocates nothing.
/// </summary>
public sealed unsafe class DcrnnClipModel : IDisposable
{
    private const string Kind = "dcrnn generator";
    private readonly InferenceSession _session;
    private readonly OrtTensor _z, _histogram, _roll;
    private readonly DoubleBufferedRun _run;

    public DcrnnClipModel(InferenceSession session, string latentInput, string histogramInput, string rollOutput)
    {
        var zInfo = OnnxSignatureChecks.Input(session, Kind, "latent input", latentInput);
        if (zInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(zInfo, 1, out var latent))
            throw OnnxSignatureChecks.Mismatch(session, Kind, "latent input", zInfo, "float[1, latent]");
        var histogramInfo = OnnxSignatureChecks.Input(session, Kind, "histogram input", histogramInput);
        if (histogramInfo.ElementType != TensorElementType.Float || !OnnxSignatureChecks.IsOnesThen(histogramInfo, 1, out var classes) || classes != DcrnnGrid.PitchClasses)
            throw OnnxSignatureChecks.Mismatch(session, Kind, "histogram input", histogramInfo, $"float[1, {DcrnnGrid.PitchClasses}]");
        var rollInfo = OnnxSignatureChecks.Output(session, Kind, "roll output", rollOutput);
        if (rollInfo.ElementType != TensorElementType.Float || rollInfo.Shape is not [-1 or 1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches])
            throw OnnxSignatureChecks.Mismatch(session, Kind, "roll output", rollInfo, $"float[1, {PianoRollEncoding.Steps}, {PianoRollEncoding.Pitches}]");
        OnnxSignatureChecks.RequireRoles(session, Kind, [latentInput, histogramInput], [rollOutput]);
        _session = session;
        Latent = checked((int)latent);
        _z = OrtTensor.Create<float>(1, Latent);
        _histogram = OrtTensor.Create<float>(1, DcrnnGrid.PitchClasses);
        _roll = OrtTensor.Create<float>(1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches);
        try
        {
            _run = new DoubleBufferedRun(session, new Dictionary<string, OrtTensor> { [latentInput] = _z, [histogramInput] = _histogram },
                new Dictionary<string, OrtTensor> { [rollOutput] = _roll }, []);
        }
        catch
        {
            _z.Dispose();
            _histogram.Dispose();
            _roll.Dispose();
            throw;
        }
    }

    public int Latent { get; }

    /// <summary>The clip for <paramref name="z"/> (<see cref="Latent"/> values) and <paramref name="histogram"/> (12) into <paramref name="roll"/> (384 × 128 values).</summary>
    public void Run(ReadOnlySpan<float> z, ReadOnlySpan<float> histogram, Span<float> roll)
    {
        z.CopyTo(new Span<float>((void*)_z.Data, Latent));
        histogram.CopyTo(new Span<float>((void*)_histogram.Data, DcrnnGrid.PitchClasses));
        _run.Run();
        new ReadOnlySpan<float>((void*)_roll.Data, PianoRollEncoding.CellsPerClip).CopyTo(roll);
    }

    public void Dispose()
    {
        _run.Dispose();
        _z.Dispose();
        _histogram.Dispose();
        _roll.Dispose();
        _session.Dispose();
    }
}
