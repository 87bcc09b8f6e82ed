namespace Euterpe.Core.Evaluation;

/// <summary>
/// One set of a side-by-side comparison: its pieces' metrics and means, and how the set as a whole compares with the
/// reference corpus (corpus BLEU, pitch-class histogram L1 distance and KL divergence; see <see cref="EvaluationReport"/>).
/// </summary>
public sealed record ComparedSet(
    string Name,
    IReadOnlyList<PieceMetrics> Pieces,
    SetSummary Summary,
    double? CorpusBleu,
    double? PitchClassL1Distance,
    double? PitchClassKlDivergence)
{
    public static ComparedSet Of(string name, EvaluationReport report) =>
        new(name, report.Generated, report.GeneratedSummary, report.CorpusBleu, report.PitchClassL1Distance, report.PitchClassKlDivergence);
}
