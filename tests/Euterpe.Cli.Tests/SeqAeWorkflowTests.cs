using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train seq-ae on a folder no preset has seen (MMA's example songs) → export → generate through the command runner:
/// the preset names its family, code bits and measured flips, writes notes (read back by python3-mido), the same seed
/// the same file and another walk rate another; and the one-line refusals of the trainer and of generate.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class SeqAeWorkflowTests : IDisposable
{
    private const string MmaExamples = "/usr/share/doc/mma/examples/misc";
    private readonly DataCli _cli = new();
    private readonly TempFolder _unseen = new("euterpe-seq-ae-mma-");

    public void Dispose()
    {
        _cli.Dispose();
        _unseen.Dispose();
    }

    [Fact]
    public void A_preset_trained_on_an_unseen_folder_generates_notes_and_the_same_seed_the_same_file()
    {
        var songs = Directory.GetFiles(MmaExamples, "*.mid").Select(f => Path.GetFileName(f)).ToArray();
        Assert.True(songs.Length >= 5, $"{songs.Length} MIDI files in {MmaExamples}");
        var music = _unseen.CopyFrom(MmaExamples, "music", songs);
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "seq-ae", "--data", music, "--out", run, "--steps", "60", "--hidden", "32", "--embedding", "16",
            "--batch", "8", "--validate-every", "20", "--checkpoint-every", "30", "--validation-fraction", "0.2", "--seed", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  loss ", stderr);
        Assert.Matches(@"held out \([0-9]+ subsequences\): L_rec [0-9.]+, L_rec\^bin [0-9.]+ nats/token, mean Hamming distance between consecutive codes [0-9.]+ of 16 bits", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, stdout, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-seq-ae");
        Assert.True(code == 0, stderr);
        Assert.Contains("family seq-ae, step 60, mean flips per subsequence ", stdout);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("seq-ae", root.GetProperty("family").GetString());
            Assert.Equal(62 * 8, root.GetProperty("vocabulary").GetProperty("tokens").GetArrayLength());
            var figures = root.GetProperty("provenance").GetProperty("validationMetrics");
            Assert.Equal(16, figures.GetProperty("codeBits").GetDouble());
            Assert.Equal(8, figures.GetProperty("subsequenceTokens").GetDouble());
            Assert.InRange(figures.GetProperty("meanFlips").GetDouble(), 0, 16);
        }

        string Generate(string name, params string[] options)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke(["generate", preset, "--seconds", "30", "--out", path, .. options]);
            Assert.True(c == 0, e);
            Assert.StartsWith($"wrote {path}: ", o);
            return path;
        }
        var a = Generate("a.mid", "--seed", "7");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Generate("b.mid", "--seed", "7")));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(Generate("c.mid", "--seed", "7", "--walk-rate", "6", "--theme-return", "0")));
        var notes = MidoNote.Read(a);
        Assert.True(notes.Count >= 8, $"{notes.Count} notes");
        Assert.All(notes, n => Assert.InRange(n.Pitch, 36, 96));
        Assert.All(notes, n => Assert.True(n.StartSeconds < 30 + 1e-6));

        // generate's refusals on this preset: one line each, nothing written.
        foreach (var (options, expected) in new (string[], string)[]
        {
            (["--density", "3"], "error: --density: the seq-ae family does not use it (it takes --temperature, --tempo, --walk-rate, --theme-return)"),
            (["--walk-rate", "17"], "error: --walk-rate: 17 bits per step is not in 0..16 (the code's bits)"),
            (["--theme-return", "1.5"], "error: --theme-return: 1.5 is not a probability in 0..1"),
        })
        {
            var path = _cli.Path("refused.mid");
            (code, stdout, stderr) = DataCli.Invoke(["generate", preset, "--seconds", "5", "--out", path, .. options]);
            Assert.Equal((2, "", expected + "\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
            Assert.False(File.Exists(path));
        }
    }

    [Fact]
    public void Another_family_refuses_the_walk_options_in_one_line()
    {
        var path = _cli.Path("x.mid");
        var (code, stdout, stderr) = DataCli.Invoke("generate", RepositoryRoot.Combine("presets", "rnn-gan-openmsx"), "--seconds", "2", "--out", path, "--walk-rate", "2");
        Assert.Equal((2, "", "error: --walk-rate: the rnn-gan family does not use it (it takes --temperature, --tempo)\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Bad_loss_weights_are_refused_in_one_line_before_any_data_is_read()
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "seq-ae", "--data", _cli.Path("missing"), "--out", run, "--continuity", "-1");
        Assert.Equal((2, "", "error: --continuity -1: must be 0…100\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        (code, stdout, stderr) = DataCli.Invoke("train", "seq-ae", "--data", _cli.Path("missing"), "--out", run, "--chunks", "1");
        Assert.Equal((2, "", "error: --chunks 1: must be 2…64 (the continuity loss needs neighbours)\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(run));
    }
}
