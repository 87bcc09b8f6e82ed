using Euterpe.Core.Evaluation;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Tests;

/// <summary><c>euterpe evaluate</c>: table on stdout, JSON that reads back, unreadable reference files warned about and skipped.</summary>
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
}
