namespace Euterpe.Core.Inference.Generators;

/// <summary>A piano-roll generator network: noise (and conditioning) in, a roll of activations in [0, 1] out.</summary>
public interface IPianoRollModel : IDisposable
{
    int LatentSize { get; }

    int ConditioningSize { get; }

    /// <summary>Time steps of one generated roll.</summary>
    int Steps { get; }

    /// <summary>Pitches per step (128 for full MIDI range).</summary>
    int Pitches { get; }

    /// <summary>Writes <see cref="Steps"/> × <see cref="Pitches"/> activations, step-major.</summary>
    void Generate(ReadOnlySpan<float> noise, ReadOnlySpan<float> conditioning, Span<float> roll);
}
