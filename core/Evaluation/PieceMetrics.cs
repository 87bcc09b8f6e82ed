namespace Euterpe.Core.Evaluation;

/// <summary>
/// The metrics of one piece; null where a metric is undefined (no notes, no reference corpus). BLEU and the
/// overlap fields compare a generated piece with the reference corpus and are null for reference pieces.
/// </summary>
public sealed record PieceMetrics(
    string Name,
    int NoteCount,
    double DurationSeconds,
    double? PolyphonicRate,
    double? NotesPerSecond,
    double? EmptyBarRate,
    double? UsedPitchClassesPerBar,
    int UsedPitchClasses,
    double? QualifiedNoteRate,
    double? Bleu,
    double? LcsSubsequenceOverlap,
    double? LcsSubstringOverlap,
    double? IntervalLcsSubstringOverlap,
    string? ClosestReference);
