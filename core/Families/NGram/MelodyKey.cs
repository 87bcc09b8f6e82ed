using Euterpe.Core.Generation;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The key of a melody as the n-gram model uses it: the major scale (equally its relative minor, the same seven pitch
/// classes) that holds the most of the melody's sounding time. The model is trained on melodies moved to C major / A
/// minor this way, so every song adds to the same contexts, and a generated melody is moved back to a key drawn from
/// the corpus's.
/// </summary>
public static class MelodyKey
{
    /// <summary>
    /// The tonic pitch class (0 = C … 11 = B) of the best-fitting major scale of pitches weighted by their durations;
    /// ties go to the lowest tonic, and a melody without notes is in C.
    /// </summary>
    public static int Tonic(ReadOnlySpan<int> midiPitches, ReadOnlySpan<int> weights)
    {
        if (midiPitches.Length != weights.Length) throw new ArgumentException("one weight per pitch");
        Span<double> classes = stackalloc double[12];
        classes.Clear();
        for (var i = 0; i < midiPitches.Length; i++) classes[((midiPitches[i] % 12) + 12) % 12] += weights[i];
        return MusicalScale.BestMajorTonic(classes);
    }

    /// <summary>The smallest move (−5…+6 semitones) that takes C to <paramref name="tonic"/>.</summary>
    public static int ShiftFromC(int tonic) => tonic > 6 ? tonic - 12 : tonic;

    /// <summary>
    /// A pitch token moved by <paramref name="semitones"/> and folded by octaves into 0…<paramref name="pitchCount"/>−1
    /// (clamped where the range is narrower than an octave).
    /// </summary>
    public static int Move(int pitchToken, int semitones, int pitchCount)
    {
        var moved = pitchToken + semitones;
        while (moved >= pitchCount && moved - 12 >= 0) moved -= 12;
        while (moved < 0 && moved + 12 < pitchCount) moved += 12;
        return Math.Clamp(moved, 0, pitchCount - 1);
    }
}
