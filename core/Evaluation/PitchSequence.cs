using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// A piece as the string of pitches the n-gram and subsequence metrics compare: melodic (non-drum) notes in
/// onset order, a chord read from its lowest note up.
/// </summary>
public static class PitchSequence
{
    public static int[] Of(NoteSequence sequence) =>
        [.. sequence.Notes.Where(n => !n.IsDrum).OrderBy(n => n.StartTick).ThenBy(n => n.Pitch).Select(n => n.Pitch)];

    /// <summary>Differences between successive pitches: the transposition-invariant form.</summary>
    public static int[] Intervals(ReadOnlySpan<int> pitches)
    {
        if (pitches.Length < 2) return [];
        var result = new int[pitches.Length - 1];
        for (var i = 0; i < result.Length; i++) result[i] = pitches[i + 1] - pitches[i];
        return result;
    }
}
