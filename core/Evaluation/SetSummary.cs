namespace Euterpe.Core.Evaluation;

/// <summary>
/// Means of the per-piece metrics over a set (undefined values skipped), the set's pitch-class histogram, and the
/// longest plagiarism run of any of its pieces (in notes, with the reference piece it is shared with; null for a
/// reference set). <see cref="NotesPerFamily"/> sums the pieces' notes per instrument family.
/// </summary>
public sealed record SetSummary(
    int Pieces,
    int Notes,
    double? PolyphonicRate,
    double? NotesPerSecond,
    double? EmptyBarRate,
    double? UsedPitchClassesPerBar,
    double? UsedPitchClasses,
    double? QualifiedNoteRate,
    double[] PitchClassHistogram,
    double? MedianNoteSeconds = null,
    double? NoteSeconds90 = null,
    double? LongNoteShare = null,
    double? SoundingNotes = null,
    double? ScaleFit = null,
    double? MedianOnsetIntervalSeconds = null,
    double? OnsetIntervalVariation = null,
    double? VelocitySpread = null,
    double? PhraseRepetition = null,
    double? BarChromaSimilarity = null,
    int? LongestSharedRunNotes = null,
    string? LongestSharedRunReference = null,
    double? Polyphony = null,
    int[]? NotesPerFamily = null)
{
    public static SetSummary Of(IReadOnlyList<PieceMetrics> pieces, double[] histogram)
    {
        var longest = pieces.Where(p => p.SharedRunNotes is not null).MaxBy(p => p.SharedRunNotes);
        return new(
            pieces.Count,
            pieces.Sum(p => p.NoteCount),
            Mean(pieces.Select(p => p.PolyphonicRate)),
            Mean(pieces.Select(p => p.NotesPerSecond)),
            Mean(pieces.Select(p => p.EmptyBarRate)),
            Mean(pieces.Select(p => p.UsedPitchClassesPerBar)),
            Mean(pieces.Where(p => p.NoteCount > 0).Select(p => (double?)p.UsedPitchClasses)),
            Mean(pieces.Select(p => p.QualifiedNoteRate)),
            histogram,
            Mean(pieces.Select(p => p.MedianNoteSeconds)),
            Mean(pieces.Select(p => p.NoteSeconds90)),
            Mean(pieces.Select(p => p.LongNoteShare)),
            Mean(pieces.Select(p => p.SoundingNotes)),
            Mean(pieces.Select(p => p.ScaleFit)),
            Mean(pieces.Select(p => p.MedianOnsetIntervalSeconds)),
            Mean(pieces.Select(p => p.OnsetIntervalVariation)),
            Mean(pieces.Select(p => p.VelocitySpread)),
            Mean(pieces.Select(p => p.PhraseRepetition)),
            Mean(pieces.Select(p => p.BarChromaSimilarity)),
            longest?.SharedRunNotes,
            longest?.SharedRunReference,
            Mean(pieces.Select(p => p.Polyphony)),
            InstrumentFamilyNotes.Sum(pieces.Select(p => p.NotesPerFamily)));
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
