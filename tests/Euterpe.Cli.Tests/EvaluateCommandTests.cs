using System.Text.Json;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe evaluate</c>: table on stdout, JSON that reads back, unreadable reference files warned about and skipped;
/// <c>--compare</c> sets side by side and <c>--reference-seconds</c> cropping.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void PrintsATableAndWritesJsonSkippingBadReferences()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid", "train_filled_with_cash.mid");
        File.WriteAllBytes(Path.Combine(reference, "broken.mid"), [.. "MThd"u8, 0, 0]);
        var generated = new[] { Path.Combine(DataCli.OpenMsx, "coconut_run2.mid"), Path.Combine(DataCli.OpenMsx, "chuggachugga.mid") };
        var json = _cli.Path("out", "evaluation.json");

        var (code, stdout, stderr) = DataCli.Invoke(["evaluate", .. generated, "--reference", reference, "--json", json]);
        Assert.True(code == 0, stderr);
        Assert.Equal($"warning: skipped reference {Path.Combine(reference, "broken.mid")}: ", stderr[..(stderr.IndexOf(':', stderr.IndexOf("broken.mid", StringComparison.Ordinal)) + 2)]);
        var lines = stdout.Split('\n');
        Assert.StartsWith("piece", lines[0]);
        Assert.Contains("BLEU", lines[0]);
        Assert.StartsWith(generated[0], lines[2]);
        Assert.Contains(lines, l => l.StartsWith("corpus BLEU", StringComparison.Ordinal));

        var report = EvaluationReport.FromJson(File.ReadAllText(json));
        Assert.Equal(generated, report.Generated.Select(p => p.Name));
        Assert.Equal(2, report.Reference.Count);
        Assert.Equal(MidiFileReader.Read(generated[0]).Notes.Count(n => !n.IsDrum), report.Generated[0].NoteCount);
        Assert.NotNull(report.CorpusBleu);
    }

    [Fact]
    public void UnreadableGeneratedFileIsAnError()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid");
        var missing = _cli.Path("missing.mid");
        var (code, _, stderr) = DataCli.Invoke("evaluate", missing, "--reference", reference);
        Assert.Equal(2, code);
        Assert.Equal($"error: {missing}: not found\n", stderr);
    }

    [Fact]
    public void ComparesSetsSideBySideAgainstCroppedReferences()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid", "train_filled_with_cash.mid");
        var folderSet = _cli.Corpus("set-a", "coconut_run2.mid", "chuggachugga.mid");
        var fileSet = Path.Combine(DataCli.OpenMsx, "harp_harmony.mid");
        var json = _cli.Path("out", "comparison.json");

        var (code, stdout, stderr) = DataCli.Invoke(["evaluate", "--compare", folderSet, fileSet, "--reference", reference, "--reference-seconds", "30", "--json", json]);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal(["metric", folderSet, fileSet, "reference"], lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var metric in new[] { "scale fit", "notes sounding at once", "4-bar repetition", "pitch-class L1 to reference", "longest shared run (notes)" })
            Assert.Contains(lines, l => l.StartsWith(metric, StringComparison.Ordinal));

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var sets = document.RootElement.GetProperty("sets");
        Assert.Equal(2, sets.GetArrayLength());
        var pieces = sets[0].GetProperty("pieces");
        Assert.Equal(2, pieces.GetArrayLength());
        // Each set is summarised on its own: its mean is over its own pieces.
        var meanFit = pieces.EnumerateArray().Average(p => p.GetProperty("scaleFit").GetDouble());
        Assert.Equal(meanFit, sets[0].GetProperty("summary").GetProperty("scaleFit").GetDouble(), 12);
        Assert.Equal(1, sets[1].GetProperty("pieces").GetArrayLength());
        Assert.True(sets[1].GetProperty("summary").GetProperty("longestSharedRunNotes").GetInt32() >= 2);

        // The references are their first 30 s: the notes starting before then, none sounding after.
        foreach (var row in document.RootElement.GetProperty("reference").EnumerateArray())
        {
            var song = MidiFileReader.Read(row.GetProperty("name").GetString()!);
            var cut = song.TempoMap.SecondsToTick(30);
            Assert.Equal(song.Notes.Count(n => !n.IsDrum && n.StartTick < cut && n.EndTick > 0), row.GetProperty("noteCount").GetInt32());
            Assert.InRange(row.GetProperty("durationSeconds").GetDouble(), 25, 30 + 1e-6);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("86401")]
    public void ReferenceSecondsOutOfRangeIsOneErrorLine(string seconds)
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid");
        var json = _cli.Path("out.json");
        var (code, stdout, stderr) = DataCli.Invoke("evaluate", Path.Combine(DataCli.OpenMsx, "chuggachugga.mid"), "--reference", reference, "--reference-seconds", seconds, "--json", json);
        Assert.Equal(2, code);
        Assert.Equal($"error: --reference-seconds: must be more than 0 and at most 86400 (got {seconds})\n", stderr);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void FilesAndCompareTogetherIsAnError()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid");
        var song = Path.Combine(DataCli.OpenMsx, "chuggachugga.mid");
        var (code, _, stderr) = DataCli.Invoke("evaluate", song, "--compare", song, "--reference", reference);
        Assert.Equal(2, code);
        Assert.Equal("error: evaluate: give FILES or --compare SET…, not both\n", stderr);
        (code, _, stderr) = DataCli.Invoke("evaluate", "--reference", reference);
        Assert.Equal(2, code);
        Assert.Equal("error: evaluate: nothing to measure (give FILES or --compare SET…)\n", stderr);
    }

    [Fact]
    public void SsmSheetHasARowOfGeneratedPiecesAndOneOfReferences()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid", "train_filled_with_cash.mid");
        var generated = new[] { Path.Combine(DataCli.OpenMsx, "coconut_run2.mid"), Path.Combine(DataCli.OpenMsx, "chuggachugga.mid"), Path.Combine(DataCli.OpenMsx, "harp_harmony.mid") };
        var png = _cli.Path("out", "ssm.png");

        var (code, stdout, stderr) = DataCli.Invoke(["evaluate", .. generated, "--reference", reference, "--ssm", png, "--ssm-pieces", "2"]);
        Assert.True(code == 0, stderr);
        Assert.Contains($"wrote {png}: per-bar self-similarity", stdout);
        Assert.Contains($"  generated: {generated[0]}, {generated[1]}\n", stdout);
        Assert.Contains("  reference: ", stdout);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(0x89, bytes[0]);
        // PNG IHDR: width and height, big-endian, at bytes 16 and 20: two 160-pixel panels a row, two rows, 8-pixel gutters.
        Assert.Equal(8 + 2 * 168, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(8 + 2 * 168, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // The table reports the papers' polyphonic rate and the notes per instrument family.
        Assert.Contains("polyN", stdout.Split('\n')[0]);
        Assert.Contains("notes per instrument family (reference): Drums ", stdout);
    }

    [Fact]
    public void SsmOutputProblemsAreOneErrorLineAndNothingWritten()
    {
        var reference = _cli.Corpus("reference", "ultimate_run.mid");
        var song = Path.Combine(DataCli.OpenMsx, "chuggachugga.mid");
        var jpeg = _cli.Path("ssm.jpg");
        var (code, stdout, stderr) = DataCli.Invoke("evaluate", song, "--reference", reference, "--ssm", jpeg);
        Assert.Equal(2, code);
        Assert.Equal($"error: {jpeg}: unknown image type (use .png or .pgm)\n", stderr);
        Assert.Equal("", stdout);

        var same = _cli.Path("same.png");
        (code, _, stderr) = DataCli.Invoke("evaluate", song, "--reference", reference, "--json", same, "--ssm", same);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {same}: ", stderr);
        Assert.False(File.Exists(same));

        (code, _, stderr) = DataCli.Invoke("evaluate", song, "--reference", reference, "--ssm", _cli.Path("x.png"), "--ssm-pieces", "0");
        Assert.Equal(2, code);
        Assert.Equal("error: --ssm-pieces 0: a row needs at least one piece\n", stderr);
    }
}
