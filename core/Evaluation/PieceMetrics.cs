namespace Euterpe.Core.Evaluation;

/// <summary>
/// The metrics of one piece; null where a metric is undefined (no notes, too few bars or onsets, no reference
/// corpus). BLEU, the overlap fields and the shared run compare a generated piece with the reference corpus and are
/// null for reference pieces. Times are in seconds; drums are ignored throughout.
/// </summary>
/// <param name="SharedRunNotes">The plagiarism run as a length: the most consecutive melody intervals the piece shares
/// with one reference piece, counted in notes (intervals + 1), transposition ignored.</param>
/// <param name="SharedRunReference">The reference piece that run is shared with.</param>
/// <param name="Polyphony">Mean distinct pitches over the 1/24-beat steps with sound (<see cref="PolyphonicRate.MeanPitches"/>).</param>
/// <param name="NotesPerFamily">Notes per instrument family, drums included (<see cref="InstrumentFamilyNotes"/>).</param>
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
    string? ClosestReference,
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
    int? SharedRunNotes = null,
    string? SharedRunReference = null,
    double? Polyphony = null,
    int[]? NotesPerFamily = null);
