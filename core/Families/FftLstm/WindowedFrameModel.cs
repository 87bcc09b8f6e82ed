using Euterpe.Core.Generation;
namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// The literature's window method over a stateful one-frame model: each step starts from a fresh state and reads the
/// last <see cref="ContextFrames"/> frames, so <see cref="AudioFrameGenerator"/> drives it as a window model. Does not
/// own the wrapped model.
/// </summary>
public sealed class WindowedFrameModel : IFrameStepModel
{
    private readonly IFrameStepModel _model;

    public WindowedFrameModel(IFrameStepModel model, int frames)
    {
        if (model.ContextFrames != 1) throw new ArgumentException($"the model already reads {model.ContextFrames} frames a step", nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        _model = model;
        ContextFrames = frames;
    }

    public int FrameSize => _model.FrameSize;

    public int ContextFrames { get; }

    public int LevelClasses => _model.LevelClasses;

    public ReadOnlySpan<float> LevelLogits => _model.LevelLogits;

    public void ResetState() => _model.ResetState();

    public void Step(ReadOnlySpan<float> context, Span<float> nextFrame)
    {
        _model.ResetState();
        for (var offset = 0; offset < context.Length; offset += FrameSize) _model.Step(context.Slice(offset, FrameSize), nextFrame);
    }

    public void Dispose()
    {
    }
}
