using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// The Pix2Pix generator over an ONNX session: the facade float [1, 2, 128, 128] (roll, hole mask) in, the filled roll
/// float [1, 128, 128] out (rows are steps of 8 a beat, columns pitches). The bindings are made once, so a run
/// allocates nothing.
/// </summary>
public sealed unsafe class OnnxFillModel : IDisposable
{
    private const string Kind = "pix2pix generator";
    private const int FacadeCells = Pix2PixGrid.InputChannels * Pix2PixGrid.CellsPerRoll;
    private readonly InferenceSession _session;
    private readonly OrtTensor _facade;
    private readonly OrtTensor _roll;
    private readonly DoubleBufferedRun _run;

    public OnnxFillModel(InferenceSession session, string facadeInput, string rollOutput)
    {
        var facadeInfo = OnnxSignatureChecks.Input(session, Kind, "facade input", facadeInput);
        if (facadeInfo.ElementType != TensorElementType.Float || facadeInfo.Shape is not [-1 or 1, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches])
            throw OnnxSignatureChecks.Mismatch(session, Kind, "facade input", facadeInfo, $"float[1, {Pix2PixGrid.InputChannels}, {Pix2PixGrid.Steps}, {Pix2PixGrid.Pitches}]");
        var rollInfo = OnnxSignatureChecks.Output(session, Kind, "roll output", rollOutput);
        if (rollInfo.ElementType != TensorElementType.Float || rollInfo.Shape is not [-1 or 1, Pix2PixGrid.Steps, Pix2PixGrid.Pitches])
            throw OnnxSignatureChecks.Mismatch(session, Kind, "roll output", rollInfo, $"float[1, {Pix2PixGrid.Steps}, {Pix2PixGrid.Pitches}]");
        OnnxSignatureChecks.RequireRoles(session, Kind, [facadeInput], [rollOutput]);
        _session = session;
        _facade = OrtTensor.Create<float>(1, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches);
        _roll = OrtTensor.Create<float>(1, Pix2PixGrid.Steps, Pix2PixGrid.Pitches);
        try
        {
            _run = new DoubleBufferedRun(session, new Dictionary<string, OrtTensor> { [facadeInput] = _facade }, new Dictionary<string, OrtTensor> { [rollOutput] = _roll }, []);
        }
        catch
        {
            _facade.Dispose();
            _roll.Dispose();
            throw;
        }
    }

    /// <summary>The filled roll (128 × 128 values) of <paramref name="facade"/> (2 × 128 × 128 values) into <paramref name="roll"/>.</summary>
    public void Run(ReadOnlySpan<float> facade, Span<float> roll)
    {
        facade[..FacadeCells].CopyTo(new Span<float>((void*)_facade.Data, FacadeCells));
        _run.Run();
        new ReadOnlySpan<float>((void*)_roll.Data, Pix2PixGrid.CellsPerRoll).CopyTo(roll);
    }

    public void Dispose()
    {
        _run.Dispose();
        _facade.Dispose();
        _roll.Dispose();
        _session.Dispose();
    }
}
