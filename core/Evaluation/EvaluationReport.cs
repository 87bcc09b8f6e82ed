using System.Globalization;
using System.Text;
using System.Text.Json;
using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Every metric for a set of generated pieces against a reference corpus: per-piece rows, per-set means, and the
/// set-level comparisons — corpus BLEU of the generated pitch strings against the reference pieces, and the L1
/// distance and KL divergence KL(generated ‖ reference) between the two sets' pitch-class histograms (note counts).
/// Renders a plain-text table and serialises to JSON.
/// </summary>
public sealed record EvaluationReport(
    IReadOnlyList<PieceMetrics> Generated,
    IReadOnlyList<PieceMetrics> Reference,
    SetSummary GeneratedSummary,
    SetSummary? ReferenceSummary,
    double? CorpusBleu,
    double? PitchClassL1Distance,
    double? PitchClassKlDivergence)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static EvaluationReport Compute(IReadOnlyList<(string Name, NoteSequence Sequence)> generated, IReadOnlyList<(string Name, NoteSequence Sequence)> reference) =>
        Compute(generated, new ReferenceCorpus(reference));

    /// <summary>Measures <paramref name="generated"/> against a reference corpus measured once.</summary>
    public static EvaluationReport Compute(IReadOnlyList<(string Name, NoteSequence Sequence)> generated, ReferenceCorpus reference)
    {
        var hasReference = !reference.IsEmpty;
        var generatedRows = new List<PieceMetrics>(generated.Count);
        var generatedPitches = new List<int[]>(generated.Count);
        foreach (var (name, seq) in generated)
        {
            var pitches = PitchSequence.Of(seq);
            generatedPitches.Add(pitches);
            double? bleu = null, sub = null, run = null, intervalRun = null;
            string? closest = null, runReference = null;
            int? runNotes = null;
            if (hasReference && pitches.Length > 0)
            {
                bleu = reference.Bleu.Score([pitches]);
                var overlap = reference.Pitches.Measure(pitches);
                sub = Defined(overlap.SubsequenceFraction);
                run = Defined(overlap.SubstringFraction);
                closest = overlap.SubstringCorpusIndex >= 0 ? reference.Names[overlap.SubstringCorpusIndex] : null;
                var intervals = reference.Intervals.Measure(pitches);
                intervalRun = Defined(intervals.SubstringFraction);
                if (intervals.SubstringCorpusIndex >= 0)
                {
                    runNotes = intervals.SubstringLength + 1; // n shared intervals join n + 1 notes
                    runReference = reference.Names[intervals.SubstringCorpusIndex];
                }
            }
            generatedRows.Add(Measure(name, seq, bleu, sub, run, intervalRun, closest) with { SharedRunNotes = runNotes, SharedRunReference = runReference });
        }

        var generatedHistogram = PitchClassHistogram.Compute(generated.Select(g => g.Sequence));
        var referenceHistogram = reference.Histogram;
        var bothHaveNotes = generatedHistogram.Sum() > 0 && referenceHistogram.Sum() > 0;
        return new EvaluationReport(
            generatedRows,
            reference.Rows,
            SetSummary.Of(generatedRows, generatedHistogram),
            reference.Summary,
            hasReference && generatedPitches.Any(p => p.Length > 0) ? reference.Bleu.Score([.. generatedPitches.Where(p => p.Length > 0)]) : null,
            bothHaveNotes ? PitchClassHistogram.L1Distance(generatedHistogram, referenceHistogram) : null,
            bothHaveNotes ? PitchClassHistogram.KlDivergence(generatedHistogram, referenceHistogram) : null);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static EvaluationReport FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EvaluationReport>(json, JsonOptions) ?? throw new EuterpeException("report: the JSON is null");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"report: not an evaluation report ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    public void WriteJson(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");

    /// <summary>A fixed-width table: one row per generated piece, then the set means and the set-level comparisons.</summary>
    public string ToTable()
    {
        string[] header = ["piece", "notes", "sec", "poly", "polyN", "n/s", "empty", "UPC", "PCs", "qual", "dur50", "dur90", ">3s", "sound", "scale",
            "ioi50", "ioiCV", "vel", "rep4", "chroma", "BLEU", "LCS", "run", "run-int", "run-n"];
        var rows = new List<string[]> { header };
        foreach (var p in Generated)
            rows.Add([p.Name, I(p.NoteCount), F(p.DurationSeconds, 1), F(p.PolyphonicRate), F(p.Polyphony), F(p.NotesPerSecond, 2), F(p.EmptyBarRate), F(p.UsedPitchClassesPerBar, 2),
                I(p.UsedPitchClasses), F(p.QualifiedNoteRate), F(p.MedianNoteSeconds), F(p.NoteSeconds90), F(p.LongNoteShare), F(p.SoundingNotes, 2), F(p.ScaleFit),
                F(p.MedianOnsetIntervalSeconds), F(p.OnsetIntervalVariation, 2), F(p.VelocitySpread, 1), F(p.PhraseRepetition), F(p.BarChromaSimilarity),
                F(p.Bleu), F(p.LcsSubsequenceOverlap), F(p.LcsSubstringOverlap), F(p.IntervalLcsSubstringOverlap), p.SharedRunNotes is { } n ? I(n) : "-"]);
        rows.Add(SummaryRow("mean (generated)", GeneratedSummary));
        if (ReferenceSummary is { } r) rows.Add(SummaryRow("mean (reference)", r));

        var widths = header.Select((_, c) => rows.Max(row => row[c].Length)).ToArray();
        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 1 || i == Generated.Count + 1) sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            sb.AppendLine(string.Join("  ", rows[i].Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
        sb.AppendLine();
        sb.AppendLine($"corpus BLEU (pitch 1-4-grams): {F(CorpusBleu)}");
        sb.AppendLine($"pitch-class histogram L1 distance: {F(PitchClassL1Distance)}  KL(generated||reference): {F(PitchClassKlDivergence)}");
        sb.AppendLine($"notes per instrument family (generated): {InstrumentFamilyNotes.Describe(GeneratedSummary.NotesPerFamily)}");
        if (ReferenceSummary is { } reference) sb.AppendLine($"notes per instrument family (reference): {InstrumentFamilyNotes.Describe(reference.NotesPerFamily)}");
        sb.AppendLine("poly = fraction of 1/24-beat steps with >= 2 pitches; polyN = mean pitches per 1/24-beat step with sound (the GAN papers'");
        sb.AppendLine("polyphonic rate); empty = empty-bar rate; UPC = pitch classes per non-empty bar;");
        sb.AppendLine("qual = notes >= a 32nd; dur50/dur90 = median/90th-percentile note length (s); >3s = share of notes longer than 3 s;");
        sb.AppendLine("sound = mean distinct pitches sounding at 50 ms instants with sound; scale = share of notes in the best major/minor scale;");
        sb.AppendLine("ioi50/ioiCV = median (s) and std/mean of inter-onset intervals; vel = velocity std; rep4 = share of 4-bar windows repeated exactly;");
        sb.AppendLine("chroma = mean cosine similarity of bar chroma vectors; LCS/run = longest common subsequence/substring with a reference,");
        sb.AppendLine("fraction of the piece; run-int = same on intervals; run-n = that interval run in notes.");
        if (GeneratedSummary.LongestSharedRunNotes is { } longest)
            sb.AppendLine($"longest run shared with a reference: {I(longest)} notes ({GeneratedSummary.LongestSharedRunReference})");
        return sb.ToString();
    }

    private static string[] SummaryRow(string name, SetSummary s) =>
        [name, I(s.Notes), "", F(s.PolyphonicRate), F(s.Polyphony), F(s.NotesPerSecond, 2), F(s.EmptyBarRate), F(s.UsedPitchClassesPerBar, 2), F(s.UsedPitchClasses, 1), F(s.QualifiedNoteRate),
            F(s.MedianNoteSeconds), F(s.NoteSeconds90), F(s.LongNoteShare), F(s.SoundingNotes, 2), F(s.ScaleFit), F(s.MedianOnsetIntervalSeconds),
            F(s.OnsetIntervalVariation, 2), F(s.VelocitySpread, 1), F(s.PhraseRepetition), F(s.BarChromaSimilarity), "", "", "", "", ""];

    internal static PieceMetrics Measure(string name, NoteSequence seq, double? bleu, double? sub, double? run, double? intervalRun, string? closest)
    {
        var melodic = seq.Notes.Count(n => !n.IsDrum);
        return new PieceMetrics(
            name,
            melodic,
            seq.TotalSeconds,
            Defined(PolyphonicRate.Compute(seq)),
            Defined(NoteDensity.NotesPerSecond(seq)),
            Defined(BarMetrics.EmptyBarRate(seq)),
            Defined(BarMetrics.MeanUsedPitchClasses(seq)),
            PitchClassHistogram.UsedPitchClasses(seq),
            Defined(QualifiedNoteRate.Compute(seq)),
            bleu, sub, run, intervalRun, closest,
            Defined(NoteDurations.Median(seq)),
            Defined(NoteDurations.Percentile90(seq)),
            Defined(NoteDurations.LongShare(seq)),
            Defined(SoundingNotes.MeanWhileSounding(seq)),
            Defined(ScaleFit.Compute(seq)),
            Defined(InterOnsetIntervals.Median(seq)),
            Defined(InterOnsetIntervals.CoefficientOfVariation(seq)),
            Defined(VelocitySpread.StandardDeviation(seq)),
            Defined(PhraseRepetition.RepeatedWindowRate(seq)),
            Defined(BarChromaSimilarity.Mean(seq)),
            Polyphony: Defined(PolyphonicRate.MeanPitches(seq)),
            NotesPerFamily: InstrumentFamilyNotes.Count(seq));
    }

    internal static double? Defined(double value) => double.IsNaN(value) ? null : value;

    internal static string F(double? value, int decimals = 3) => value is { } v ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "-";

    internal static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
