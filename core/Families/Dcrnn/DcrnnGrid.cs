using Euterpe.Core.Encoding;

namespace Euterpe.Core.Families.Dcrnn;

/// <summary>
/// The DCRNN's time grid, shared by its trainer, its exported graph and its player: a clip is the piano-roll
/// families' 16 beats × 128 pitches (<see cref="PianoRollEncoding"/>), which the model writes on a sixteenth grid
/// (<see cref="StepsPerBeat"/> = 4, <see cref="Steps"/> = 64) and the graph holds for <see cref="Upsample"/> = 6 of
/// the cache's 24 steps a beat, so the player reads the same 384 × 128 roll as the piano-roll GANs. RNN_a writes one
/// structure vector per beat of a one-bar theme (<see cref="ThemeBeats"/>); the theme is stated, then repeated three
/// times (the source's ×3) to fill the clip's four bars. The conditioning is a <see cref="PitchClasses"/>-bin
/// pitch-class histogram summing to 1.
/// </summary>
public static class DcrnnGrid
{
    public const int StepsPerBeat = 4;
    public const int Steps = StepsPerBeat * PianoRollEncoding.BeatsPerClip;
    public const int Upsample = PianoRollEncoding.StepsPerBeat / StepsPerBeat;
    public const int ThemeBeats = 4;
    public const int PitchClasses = 12;

    /// <summary>The theme beat (RNN_a's output) each sixteenth step plays: (step / 4) mod 4.</summary>
    public static long[] ThemeBeatOfStep() => [.. Enumerable.Range(0, Steps).Select(s => (long)(s / StepsPerBeat % ThemeBeats))];

    /// <summary>The uniform histogram: what the model hears when no key or scale is asked for.</summary>
    public static void Uniform(Span<float> histogram) => histogram.Fill(1f / PitchClasses);
}
