using System.Text.Json;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Music;
using Euterpe.Core.Tests.Encoding;

namespace Euterpe.Core.Tests.Evaluation;

public class EvaluationReportTests
{
    [Fact]
    public void CopyOfAReferencePieceScoresAsACopy()
    {
        var report = EvaluationReport.Compute(
            [("copy", TestPieces.CMajorScale())],
            [("scale", TestPieces.CMajorScale()), ("cadence", TestPieces.Cadence())]);
        var p = Assert.Single(report.Generated);
        Assert.Equal(1.0, p.Bleu!.Value, 12);
        Assert.Equal(1.0, p.LcsSubsequenceOverlap);
        Assert.Equal(1.0, p.LcsSubstringOverlap);
        Assert.Equal("scale", p.ClosestReference);
        Assert.Equal(7, p.UsedPitchClasses);
        Assert.Equal(0, p.PolyphonicRate);
        Assert.Equal(2.0, p.NotesPerSecond!.Value, 12);
        Assert.Equal(2, report.Reference.Count);
        Assert.Equal(1, report.Reference[1].PolyphonicRate);
        Assert.Equal(0.5, report.ReferenceSummary!.PolyphonicRate);
        Assert.Equal(1.0, report.CorpusBleu!.Value, 12);
    }

    [Fact]
    public void TransposedCopyKeepsDensityButLosesPitchOverlap()
    {
        var report = EvaluationReport.Compute(
            [("up two octaves", TestPieces.CMajorScale(transpose: 24))],
            [("scale", TestPieces.CMajorScale()), ("cadence", TestPieces.Cadence())]);
        var p = report.Generated[0];
        Assert.Equal(0, p.LcsSubsequenceOverlap);
        Assert.Equal(0, p.LcsSubstringOverlap);
        Assert.Equal(1, p.IntervalLcsSubstringOverlap);
        Assert.Equal(0, p.Bleu);
        Assert.Equal(report.Reference[0].NotesPerSecond, p.NotesPerSecond);
        Assert.Equal(report.Reference[0].UsedPitchClassesPerBar, p.UsedPitchClassesPerBar);
    }

    [Fact]
    public void JsonRoundTripsAndUndefinedValuesAreNull()
    {
        var report = EvaluationReport.Compute(
            [("random", TestPieces.RandomPolyphonic(4, 80)), ("silent", new NoteSequence())],
            [("scale", TestPieces.CMajorScale())]);
        var json = report.ToJson();
        using var doc = JsonDocument.Parse(json);
        var silent = doc.RootElement.GetProperty("generated")[1];
        Assert.Equal("silent", silent.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, silent.GetProperty("polyphonicRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, silent.GetProperty("bleu").ValueKind);
        Assert.Equal(12, doc.RootElement.GetProperty("generatedSummary").GetProperty("pitchClassHistogram").GetArrayLength());
        var back = EvaluationReport.FromJson(json);
        Assert.Equal(json, back.ToJson());
        // Arrays compare by reference in records: the family counts are compared by value, the rest as the record.
        Assert.Equal(report.Generated[0] with { NotesPerFamily = null }, back.Generated[0] with { NotesPerFamily = null });
        Assert.Equal(report.Generated[0].NotesPerFamily, back.Generated[0].NotesPerFamily);
        Assert.StartsWith("report:", Assert.Throws<EuterpeException>(() => EvaluationReport.FromJson("{\"generated\": 5}")).Message);
    }

    [Fact]
    public void TableListsEveryPieceAndTheSetComparisons()
    {
        var report = EvaluationReport.Compute(
            [("gen-1", TestPieces.RandomPolyphonic(1, 60)), ("gen-2", TestPieces.Cadence())],
            [("ref", TestPieces.CMajorScale())]);
        var table = report.ToTable();
        var lines = table.Split('\n');
        Assert.StartsWith("piece", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("gen-1 "));
        Assert.Contains(lines, l => l.StartsWith("gen-2 "));
        Assert.Contains(lines, l => l.StartsWith("mean (reference)"));
        Assert.Contains("corpus BLEU", table);
        Assert.Contains(report.PitchClassL1Distance!.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), table);
        // Header and rows line up: every data row has as many columns as the header.
        var columns = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(columns, lines.First(l => l.StartsWith("gen-2 ")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void WithoutReferencesTheComparisonsAreAbsent()
    {
        var report = EvaluationReport.Compute([("scale", TestPieces.CMajorScale())], []);
        Assert.Null(report.CorpusBleu);
        Assert.Null(report.ReferenceSummary);
        Assert.Null(report.PitchClassL1Distance);
        Assert.Null(report.Generated[0].LcsSubstringOverlap);
        Assert.Contains("corpus BLEU (pitch 1-4-grams): -", report.ToTable());
    }

    [Fact]
    public void WriteJsonGoesThroughATempFile()
    {
        using var dir = new TempFolder("euterpe-report-");
        var path = dir.Path("out", "report.json");
        var report = EvaluationReport.Compute([("scale", TestPieces.CMajorScale())], [("scale", TestPieces.CMajorScale())]);
        report.WriteJson(path);
        Assert.Equal(report.ToJson() + "\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
