namespace Euterpe.Core.Generation;

/// <summary>
/// An audio-frame model: reads the last <see cref="ContextFrames"/> frames (oldest first, concatenated)
/// and writes the next frame. Stateful models carry their recurrent state between calls and read one frame.
/// </summary>
public interface IFrameStepModel : IDisposable
{
    int FrameSize { get; }

    /// <summary>How many past frames one step reads (1 for a model that carries its state).</summary>
    int ContextFrames { get; }

    void ResetState();

    void Step(ReadOnlySpan<float> context, Span<float> nextFrame);
}
