namespace Euterpe.Core.Evaluation;

/// <summary>Means of the per-piece metrics over a set (undefined values skipped) and the set's pitch-class histogram.</summary>
public sealed record SetSummary(
    int Pieces,
    int Notes,
    double? PolyphonicRate,
    double? NotesPerSecond,
    double? EmptyBarRate,
    double? UsedPitchClassesPerBar,
    double? UsedPitchClasses,
    double? QualifiedNoteRate,
    double[] PitchClassHistogram)
{
    public static SetSummary Of(IReadOnlyList<PieceMetrics> pieces, double[] histogram) => new(
        pieces.Count,
        pieces.Sum(p => p.NoteCount),
        Mean(pieces.Select(p => p.PolyphonicRate)),
        Mean(pieces.Select(p => p.NotesPerSecond)),
        Mean(pieces.Select(p => p.EmptyBarRate)),
        Mean(pieces.Select(p => p.UsedPitchClassesPerBar)),
        Mean(pieces.Where(p => p.NoteCount > 0).Select(p => (double?)p.UsedPitchClasses)),
        Mean(pieces.Select(p => p.QualifiedNoteRate)),
        histogram);

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
