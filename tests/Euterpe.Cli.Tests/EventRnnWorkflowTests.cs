using System.Text.Json;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Tests;

/// <summary>data prepare (performance) → train event-rnn → export → generate through the command runner, plus its error exits.</summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class EventRnnWorkflowTests : IDisposable
{
    private static readonly string[] Songs = ["coconut_run2.mid", "train_filled_with_cash.mid", "ultimate_run.mid"];
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Cache(string encoding = "performance") => _cli.PreparedCache(encoding, Songs);

    private string TrainedPreset(bool conditional)
    {
        var run = _cli.Path("run");
        string[] args = ["train", "event-rnn", "--data", Cache(), "--out", run, "--config", "tiny", "--steps", "6", "--batch", "4", "--seq-len", "32",
            "--validate-every", "3", "--checkpoint-every", "3", "--seed", "4", .. conditional ? new[] { "--conditional" } : []];
        var (code, stdout, stderr) = DataCli.Invoke(args);
        Assert.True(code == 0, stderr);
        Assert.Contains("step 6/6", stderr);
        Assert.Matches(@"validation cross-entropy: [0-9.]+ nats/token", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, stdout, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-event-rnn");
        Assert.True(code == 0, stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(conditional ? "conditional-event-rnn" : "event-rnn", root.GetProperty("family").GetString());
        Assert.Equal("performance-events", root.GetProperty("representation").GetString());
        Assert.Equal(6, root.GetProperty("provenance").GetProperty("steps").GetInt64());
        Assert.True(root.GetProperty("provenance").GetProperty("validationMetrics").GetProperty("crossEntropyNatsPerToken").GetDouble() > 0);
        Assert.Equal(2, root.GetProperty("state").GetArrayLength());
        Assert.Equal(conditional ? 1 : 0, root.GetProperty("conditioning").GetArrayLength());
        return preset;
    }

    [Fact]
    public void ConditionalPresetGeneratesTheSameFileForTheSameSeed()
    {
        var preset = TrainedPreset(conditional: true);
        byte[] Generate(string name, string seed, params string[] extra)
        {
            var path = _cli.Path(name);
            var (code, stdout, stderr) = DataCli.Invoke(["generate", preset, "--seconds", "5", "--out", path, "--seed", seed, .. extra]);
            Assert.True(code == 0, stderr);
            Assert.StartsWith($"wrote {path}: ", stdout);
            return File.ReadAllBytes(path);
        }
        var a = Generate("a.mid", "7", "--density", "6", "--key", "D:minor");
        var b = Generate("b.mid", "7", "--density", "6", "--key", "D:minor");
        var c = Generate("c.mid", "8", "--density", "6", "--key", "D:minor");
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var notes = MidiFileReader.Read(_cli.Path("a.mid"));
        Assert.NotEmpty(notes.Notes);
        Assert.InRange(notes.TotalSeconds, 1, 7);
    }

    [Fact]
    public void ExportWritesTheTrainingWindowsDensityRangeAndGenerateRefusesOutsideIt()
    {
        var preset = TrainedPreset(conditional: true);
        string text;
        using (var session = Euterpe.Core.Presets.Preset.Open(preset).OpenSession())
            Assert.True(session.Metadata.Custom.TryGetValue(Euterpe.Core.Families.EventRnn.EventRnnFamily.DensityRangeKey, out text!), "no density range in the model's metadata");
        var range = text.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, range.Length);
        // OpenMSX windows of 33 tokens: a few notes per second at the low end, a few more at the high end (not the 1…20 fallback).
        Assert.InRange(range[0], 0.1, range[1]);
        Assert.NotEqual((1.0, 20.0), (range[0], range[1]));
        var above = (range[1] + 1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "2", "--out", _cli.Path("x.mid"), "--density", above);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --density: {above} notes per second is outside the range this model was trained on (", stderr);
        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "2", "--out", _cli.Path("y.mid"), "--density",
            ((range[0] + range[1]) / 2).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void ExportAtATemperatureDividesTheLogitsByIt()
    {
        var preset = TrainedPreset(conditional: false);
        var run = _cli.Path("run");
        var warm = _cli.Path("warm");
        var (code, _, stderr) = DataCli.Invoke("export", run, "--out", warm, "--id", "warm", "--temperature", "0.5");
        Assert.True(code == 0, stderr);
        float[] Logits(string folder)
        {
            var opened = Euterpe.Core.Presets.Preset.Open(folder);
            var signature = Euterpe.Core.Families.EventRnn.TokenModelManifests.Signature(opened.OnnxManifest, opened.ManifestPath);
            using var model = Euterpe.Core.Generation.OnnxTokenStepModel.Open(Path.Combine(folder, "model.onnx"), signature);
            model.Step(300, []);
            return model.Step(60, []).ToArray();
        }
        var (plain, sharp) = (Logits(preset), Logits(warm));
        Assert.Equal(plain.Length, sharp.Length);
        for (var i = 0; i < plain.Length; i++) Assert.Equal(plain[i] * 2, sharp[i], 4);
        using (var session = Euterpe.Core.Presets.Preset.Open(warm).OpenSession())
            Assert.Equal("0.5", session.Metadata.Custom[Euterpe.Training.Families.EventRnn.EventRnnExporter.TemperatureKey]);
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", _cli.Path("hot"), "--temperature", "5");
        Assert.Equal(2, code);
        Assert.Equal("error: --temperature: must be 0.1…2 (got 5)\n", stderr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(_cli.Path("hot")) && Directory.EnumerateFileSystemEntries(_cli.Path("hot")).Any());
    }

    [Fact]
    public void PrimedOutputStartsWithThePrimerAndContinuesPastIt()
    {
        var preset = TrainedPreset(conditional: false);
        var primer = new Euterpe.Core.Music.NoteSequence();
        primer.AddNoteSeconds(60, 80, 0.0, 0.5);
        primer.AddNoteSeconds(64, 80, 0.5, 1.0);
        primer.AddNoteSeconds(67, 80, 1.0, 2.0);
        var primerPath = _cli.Path("primer.mid");
        MidiFileWriter.Write(primer, primerPath);
        var output = _cli.Path("primed.mid");
        var (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "3", "--out", output, "--seed", "1", "--prime", primerPath);
        Assert.True(code == 0, stderr);
        var notes = MidiFileReader.Read(output).Notes.OrderBy(n => n.StartSeconds).ThenBy(n => n.Pitch).ToList();
        Assert.True(notes.Count >= 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(primer.Notes[i].Pitch, notes[i].Pitch);
            Assert.Equal(primer.Notes[i].StartSeconds, notes[i].StartSeconds, 0.011);
        }
        Assert.True(MidiFileReader.Read(output).TotalSeconds > 3.5, "the generated part adds about 3 s after the 2 s primer");
    }

    [Fact]
    public void UnconditionalPresetRefusesConditioningControls()
    {
        var preset = TrainedPreset(conditional: false);
        var (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "2", "--out", _cli.Path("x.mid"), "--density", "3");
        Assert.Equal(2, code);
        // The family's name says why: only a conditional-event-rnn reads --density and --key.
        Assert.Equal("error: --density: the event-rnn family does not use it (it takes --temperature, --prime, --prime-seconds)\n", stderr);
    }

    [Fact]
    public void BadInputsAreOneErrorLineAndExitTwo()
    {
        void Fails(string expected, params string[] args)
        {
            var (code, _, stderr) = DataCli.Invoke(args);
            Assert.Equal(2, code);
            Assert.StartsWith("error: ", stderr);
            Assert.Contains(expected, stderr);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        }
        Fails("neither a prepared cache nor a folder", "train", "event-rnn", "--data", _cli.Path("missing"), "--out", _cli.Path("r1"));
        Fails("unknown configuration 'huge'", "train", "event-rnn", "--data", _cli.Path("missing"), "--out", _cli.Path("r2"), "--config", "huge");
        Fails("event-rnn needs 'performance'", "train", "event-rnn", "--data", Cache("notes"), "--out", _cli.Path("r3"), "--steps", "1");
        Fails("nothing to resume", "train", "event-rnn", "--data", Cache(), "--out", _cli.Path("r4"), "--resume", "--config", "tiny");
    }
}
