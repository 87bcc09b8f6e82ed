using System.Text;
using System.Text.Json;
using Euterpe.Core.Music;
using static Euterpe.Core.Evaluation.EvaluationReport;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Several sets of pieces (say, the outputs of different models) measured against one reference corpus and shown side
/// by side: one column per set holding its per-piece means (each set summarised separately, never pooled), then the
/// reference's column, one row per metric; below, each set's comparisons with the reference.
/// </summary>
public sealed record ComparisonReport(IReadOnlyList<ComparedSet> Sets, IReadOnlyList<PieceMetrics> Reference, SetSummary? ReferenceSummary)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    // The rows of the table: a label and the value a set summary gives it.
    private static readonly (string Label, Func<SetSummary, string> Value)[] MetricRows =
    [
        ("pieces", s => I(s.Pieces)),
        ("notes", s => I(s.Notes)),
        ("polyphonic rate", s => F(s.PolyphonicRate)),
        ("pitches per sounding step", s => F(s.Polyphony)),
        ("notes per second", s => F(s.NotesPerSecond, 2)),
        ("empty-bar rate", s => F(s.EmptyBarRate)),
        ("pitch classes per bar (UPC)", s => F(s.UsedPitchClassesPerBar, 2)),
        ("pitch classes used", s => F(s.UsedPitchClasses, 1)),
        ("qualified-note rate", s => F(s.QualifiedNoteRate)),
        ("note length median (s)", s => F(s.MedianNoteSeconds)),
        ("note length 90th pct (s)", s => F(s.NoteSeconds90)),
        ("notes longer than 3 s", s => F(s.LongNoteShare)),
        ("notes sounding at once", s => F(s.SoundingNotes, 2)),
        ("scale fit", s => F(s.ScaleFit)),
        ("inter-onset median (s)", s => F(s.MedianOnsetIntervalSeconds)),
        ("inter-onset CV", s => F(s.OnsetIntervalVariation)),
        ("velocity std", s => F(s.VelocitySpread, 2)),
        ("4-bar repetition", s => F(s.PhraseRepetition)),
        ("bar chroma similarity", s => F(s.BarChromaSimilarity)),
    ];

    /// <summary>Measures every set against the same reference pieces.</summary>
    public static ComparisonReport Compute(IReadOnlyList<(string Name, IReadOnlyList<(string Name, NoteSequence Sequence)> Pieces)> sets,
        IReadOnlyList<(string Name, NoteSequence Sequence)> reference) =>
        Compute(sets, new ReferenceCorpus(reference));

    /// <summary>Measures every set against a reference corpus measured once.</summary>
    public static ComparisonReport Compute(IReadOnlyList<(string Name, IReadOnlyList<(string Name, NoteSequence Sequence)> Pieces)> sets, ReferenceCorpus reference)
    {
        var compared = sets.Select(s => ComparedSet.Of(s.Name, EvaluationReport.Compute(s.Pieces, reference))).ToList();
        return new ComparisonReport(compared, reference.Rows, reference.Summary);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public void WriteJson(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");

    /// <summary>Metric rows × (sets, reference) columns, then per set its reference comparisons.</summary>
    public string ToTable()
    {
        var rows = new List<string[]>();
        rows.Add(["metric", .. Sets.Select(s => s.Name), "reference"]);
        foreach (var (label, value) in MetricRows)
            rows.Add([label, .. Sets.Select(s => value(s.Summary)), ReferenceSummary is { } r ? value(r) : "-"]);
        rows.Add(["pitch-class L1 to reference", .. Sets.Select(s => F(s.PitchClassL1Distance)), ""]);
        rows.Add(["pitch-class KL to reference", .. Sets.Select(s => F(s.PitchClassKlDivergence)), ""]);
        rows.Add(["corpus BLEU", .. Sets.Select(s => F(s.CorpusBleu)), ""]);
        rows.Add(["longest shared run (notes)", .. Sets.Select(s => s.Summary.LongestSharedRunNotes is { } n ? I(n) : "-"), ""]);
        // Notes per instrument family, a row for each family any column has notes in.
        var summaries = Sets.Select(s => s.Summary).Append(ReferenceSummary).ToList();
        for (var f = 0; f < InstrumentFamilyNotes.FamilyCount; f++)
        {
            var family = f;
            if (!summaries.Any(s => s?.NotesPerFamily is { } c && c[family] > 0)) continue;
            rows.Add([$"notes: {InstrumentFamilies.Name((InstrumentFamily)family)}", .. summaries.Select(s => s?.NotesPerFamily is { } c ? I(c[family]) : "-")]);
        }

        var columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(row => row[c].Length)).ToArray();
        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 1 || i == MetricRows.Length + 1) sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            sb.AppendLine(string.Join("  ", rows[i].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
        sb.AppendLine();
        foreach (var set in Sets)
            if (set.Summary.LongestSharedRunNotes is { } n)
                sb.AppendLine($"{set.Name}: longest run shared with a reference: {I(n)} notes ({set.Summary.LongestSharedRunReference})");
        sb.AppendLine("Each column is the mean over its set's pieces; the shared run is the most consecutive melody intervals (+1) any piece");
        sb.AppendLine("of the set shares with one reference piece, transposition ignored.");
        return sb.ToString();
    }
}
