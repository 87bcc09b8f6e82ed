using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// The control signal of the conditional event RNN: a 12-bin pitch-class histogram (sums to 1, or all zero when
/// there are no notes), note density (onsets per second) and mean register (mean MIDI pitch). Drum notes are left
/// out. Vector layout (<see cref="CopyTo"/>): [C, C#, …, B, notes per second, mean pitch].
/// </summary>
public sealed class ConditioningFeatures
{
    public const int Length = 14;

    /// <summary>Density that <see cref="CopyNormalisedTo"/> maps to 1.</summary>
    public const float MaxNotesPerSecond = 20f;

    private readonly float[] _histogram;

    private ConditioningFeatures(float[] histogram, float notesPerSecond, float meanPitch)
    {
        _histogram = histogram;
        NotesPerSecond = notesPerSecond;
        MeanPitch = meanPitch;
    }

    public ReadOnlySpan<float> PitchClassHistogram => _histogram;

    public float NotesPerSecond { get; }

    /// <summary>Mean MIDI pitch; 0 when there are no notes.</summary>
    public float MeanPitch { get; }

    /// <summary>Features set by hand, e.g. from a user's controls; the histogram is normalised here.</summary>
    public static ConditioningFeatures FromValues(ReadOnlySpan<float> pitchClassWeights, float notesPerSecond, float meanPitch)
    {
        if (pitchClassWeights.Length != 12) throw new ArgumentException("12 pitch-class weights are needed", nameof(pitchClassWeights));
        var histogram = pitchClassWeights.ToArray();
        Normalise(histogram);
        return new ConditioningFeatures(histogram, notesPerSecond, meanPitch);
    }

    /// <summary>Features of the whole sequence: density is notes over <see cref="NoteSequence.TotalSeconds"/>.</summary>
    public static ConditioningFeatures Compute(NoteSequence sequence, bool durationWeighted = false) =>
        Compute(sequence, 0, sequence.TotalSeconds, durationWeighted, wholePiece: true);

    /// <summary>
    /// Features of the window [start, end) in seconds. Counted by notes that start in the window, or, when
    /// <paramref name="durationWeighted"/>, by the seconds each note sounds inside it (histogram and mean pitch;
    /// density always counts onsets).
    /// </summary>
    public static ConditioningFeatures Compute(NoteSequence sequence, double startSeconds, double endSeconds, bool durationWeighted = false) =>
        Compute(sequence, startSeconds, endSeconds, durationWeighted, wholePiece: false);

    private static ConditioningFeatures Compute(NoteSequence sequence, double start, double end, bool durationWeighted, bool wholePiece)
    {
        var histogram = new float[12];
        double pitchSum = 0, weightSum = 0;
        var onsets = 0;
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum) continue;
            var startsInside = wholePiece || (n.StartSeconds >= start && n.StartSeconds < end);
            if (startsInside) onsets++;
            var weight = durationWeighted
                ? Math.Max(0, Math.Min(n.EndSeconds, wholePiece ? n.EndSeconds : end) - Math.Max(n.StartSeconds, wholePiece ? n.StartSeconds : start))
                : startsInside ? 1 : 0;
            if (weight <= 0) continue;
            histogram[n.Pitch % 12] += (float)weight;
            pitchSum += n.Pitch * weight;
            weightSum += weight;
        }
        Normalise(histogram);
        var length = end - start;
        var density = length > 0 ? (float)(onsets / length) : 0f;
        return new ConditioningFeatures(histogram, density, weightSum > 0 ? (float)(pitchSum / weightSum) : 0f);
    }

    /// <summary>Raw values in the documented layout.</summary>
    public void CopyTo(Span<float> destination)
    {
        _histogram.CopyTo(destination);
        destination[12] = NotesPerSecond;
        destination[13] = MeanPitch;
    }

    /// <summary>Model-input scale: histogram as is, density / <see cref="MaxNotesPerSecond"/> clamped to 1, mean pitch / 127.</summary>
    public void CopyNormalisedTo(Span<float> destination)
    {
        _histogram.CopyTo(destination);
        destination[12] = Math.Min(1f, NotesPerSecond / MaxNotesPerSecond);
        destination[13] = MeanPitch / 127f;
    }

    public float[] ToArray()
    {
        var values = new float[Length];
        CopyTo(values);
        return values;
    }

    private static void Normalise(float[] histogram)
    {
        var sum = histogram.Sum();
        if (!(sum > 0)) return;
        for (var i = 0; i < histogram.Length; i++) histogram[i] /= sum;
    }
}
