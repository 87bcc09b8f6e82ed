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

    /// <summary>Classes of the model's level head (0: it has none).</summary>
    int LevelClasses => 0;

    /// <summary>The level head's logits for the frame the last <see cref="Step"/> wrote (empty without a head).</summary>
    ReadOnlySpan<float> LevelLogits => default;
}
