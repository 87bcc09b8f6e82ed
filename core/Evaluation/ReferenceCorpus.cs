using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// What a generated set is compared with, measured once: the reference pieces' pitch strings (for the overlap runs
/// and BLEU), their per-piece metrics, pitch-class histogram and means. Several sets compared with one corpus
/// (<see cref="ComparisonReport"/>) share it instead of measuring the corpus again for each.
/// </summary>
public sealed class ReferenceCorpus
{
    public ReferenceCorpus(IReadOnlyList<(string Name, NoteSequence Sequence)> pieces)
    {
        Names = [.. pieces.Select(p => p.Name)];
        var pitches = pieces.Select(p => PitchSequence.Of(p.Sequence)).ToList();
        Pitches = new OverlapCorpus(pitches);
        Intervals = new OverlapCorpus(pitches, useIntervals: true);
        Bleu = new BleuReferences(pitches);
        Rows = [.. pieces.Select(p => EvaluationReport.Measure(p.Name, p.Sequence, null, null, null, null, null))];
        Histogram = PitchClassHistogram.Compute(pieces.Select(p => p.Sequence));
        Summary = pieces.Count > 0 ? SetSummary.Of(Rows, Histogram) : null;
    }

    /// <summary>The reference pieces' names, in order (the overlap runs name the piece by its index).</summary>
    public IReadOnlyList<string> Names { get; }

    public bool IsEmpty => Names.Count == 0;

    internal OverlapCorpus Pitches { get; }

    internal OverlapCorpus Intervals { get; }

    internal BleuReferences Bleu { get; }

    public IReadOnlyList<PieceMetrics> Rows { get; }

    public double[] Histogram { get; }

    /// <summary>The means over the reference pieces; null without pieces.</summary>
    public SetSummary? Summary { get; }
}
