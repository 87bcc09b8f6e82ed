using System.Text.Json;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Tests;

/// <summary>data prepare → train ngram → export → generate, through the command runner, read back with the MIDI reader.</summary>
public sealed class NGramWorkflowTests : IDisposable
{
    private static readonly string[] Songs = ["coconut_run2.mid", "ultimate_run.mid", "train_filled_with_cash.mid", "5432gone_redfarn.mid", "chuggachugga.mid"];
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string TrainedPreset()
    {
        var corpus = _cli.Corpus("corpus", Songs);
        var cache = _cli.Path("cache");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cache, "--validation-fraction", "0.2", "--seed", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("train: 4 files, 4 pieces", stdout);
        Assert.Contains("validation: 1 files, 1 pieces", stdout);
        Assert.Contains("progress: 5/5 files", stderr);

        var run = _cli.Path("run");
        (code, stdout, stderr) = DataCli.Invoke("train", "ngram", "--data", cache, "--out", run, "--order", "3");
        Assert.True(code == 0, stderr);
        var ce = double.Parse(System.Text.RegularExpressions.Regex.Match(stdout, @"validation cross-entropy: ([0-9.]+) nats/note").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Better than guessing uniformly over 62 pitch tokens × 8 durations, and finite.
        Assert.InRange(ce, 0.5, Math.Log(62) + Math.Log(8));

        var preset = _cli.Path("preset");
        // Options that do not apply to a family are refused, not ignored: an n-gram has no logits to sharpen.
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--temperature", "0.8");
        Assert.Equal(2, code);
        Assert.Equal("error: --temperature: n-gram runs with model.json do not take it\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(preset));
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-ngram");
        Assert.True(code == 0, stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json")));
        Assert.Equal("ngram", manifest.RootElement.GetProperty("family").GetString());
        Assert.Equal("note-tokens", manifest.RootElement.GetProperty("representation").GetString());
        Assert.Equal(ce, Math.Round(manifest.RootElement.GetProperty("provenance").GetProperty("validationCrossEntropy").GetDouble(), 4));
        Assert.Equal(4, manifest.RootElement.GetProperty("provenance").GetProperty("trainFiles").GetArrayLength());
        return preset;
    }

    [Fact]
    public void GeneratedMidiHasNotesAndIsByteIdenticalForTheSameSeed()
    {
        var preset = TrainedPreset();
        byte[] Generate(string name, string seed, string seconds = "20")
        {
            var path = _cli.Path(name);
            var (code, stdout, stderr) = DataCli.Invoke("generate", preset, "--seconds", seconds, "--out", path, "--seed", seed, "--temperature", "1.0");
            Assert.True(code == 0, stderr);
            Assert.StartsWith($"wrote {path}: ", stdout);
            return File.ReadAllBytes(path);
        }
        var a = Generate("a.mid", "7");
        var b = Generate("b.mid", "7");
        var c = Generate("c.mid", "8");
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);

        var notes = MidiFileReader.Read(_cli.Path("a.mid"));
        Assert.True(notes.Notes.Count > 5, $"only {notes.Notes.Count} notes");
        Assert.InRange(notes.TotalSeconds, 10, 20.0001);
        Assert.All(notes.Notes, n => Assert.InRange(n.Pitch, 36, 96));
        Assert.Equal(120, notes.TempoMap.Changes[0].Bpm, 3);
    }

    [Fact]
    public void PrimedGenerationStartsWithThePrimersMelody()
    {
        var preset = TrainedPreset();
        var primer = Path.Combine(DataCli.OpenMsx, "coconut_run2.mid");
        var output = _cli.Path("primed.mid");
        var (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", output, "--seed", "1", "--prime", primer, "--tempo", "90");
        Assert.True(code == 0, stderr);

        var encoding = new MonophonicNoteEncoding();
        // The primer is the top line of the file's first 8 s (--prime-seconds' default), not the whole file.
        var start = PrimerMelody.Take(MidiFileReader.Read(primer), PrimerMelody.DefaultSeconds);
        var melody = encoding.DecodePairs(encoding.EncodePairs(start));
        var generated = MidiFileReader.Read(output);
        var primerEnd = melody.Notes.Max(n => n.EndTick);
        Assert.Equal(Ticks(melody.Notes), Ticks(generated.Notes.Where(n => n.StartTick < primerEnd)));
        Assert.Contains(generated.Notes, n => n.StartTick >= primerEnd);
        // 5 s at 90 bpm is 7.5 beats after the primer.
        Assert.True(generated.EndTick <= primerEnd + 7.5 * generated.TicksPerQuarter);
        Assert.Equal(90, generated.TempoMap.Changes[0].Bpm, 3);
    }

    [Fact]
    public void TrainingStraightFromAFolderMatchesTrainingFromItsCache()
    {
        var corpus = _cli.Corpus("folder", Songs[..3]);
        var cache = _cli.Path("cache3");
        Assert.Equal(0, DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "notes", "--out", cache, "--seed", "4").Code);
        var (code1, fromCache, _) = DataCli.Invoke("train", "ngram", "--data", cache, "--out", _cli.Path("r1"), "--order", "2");
        var (code2, fromFolder, _) = DataCli.Invoke("train", "ngram", "--data", corpus, "--out", _cli.Path("r2"), "--order", "2", "--seed", "4");
        Assert.Equal((0, 0), (code1, code2));
        Assert.Equal(fromCache.Split('\n')[1..], fromFolder.Split('\n')[1..]);
        // A cache keeps tokens, not velocities: only the folder's model learns them; everything else is the same.
        var cacheModel = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_cli.Path("r1", "model.json")))!.AsObject();
        var folderModel = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_cli.Path("r2", "model.json")))!.AsObject();
        Assert.False(cacheModel.ContainsKey("velocities"));
        Assert.True(folderModel.Remove("velocities"));
        Assert.Equal(cacheModel.ToJsonString(), folderModel.ToJsonString());
    }

    private static List<(int, long, long)> Ticks(IEnumerable<Note> notes) => [.. notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)).Order()];
}
