using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train seqgan → export → generate through the command runner, on MIDI files no preset was trained on (mma's
/// examples), under both duration schemes: the preset writes notes (read back by python3-mido), the same seed the same
/// file and another seed another; and the trainer's one-line refusals.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class SeqGanWorkflowTests : IDisposable
{
    private const string MmaExamples = "/usr/share/doc/mma/examples";
    private readonly DataCli _cli = new();
    private readonly TempFolder _music = new("euterpe-seqgan-music-");

    public void Dispose()
    {
        _cli.Dispose();
        _music.Dispose();
    }

    private string NeverSeen()
    {
        _music.CopyFrom(Path.Combine(MmaExamples, "simple"), "music", "bill-bailey.mid", "marine-hymn.mid");
        return _music.CopyFrom(Path.Combine(MmaExamples, "tutorial"), "music", "deep-river.mid", "fella1.mid");
    }

    [Theory]
    [InlineData("vocabulary", 62 * 8 + 1)]
    [InlineData("ngram", 62 + 1)]
    public void Sixty_steps_on_a_folder_it_has_never_seen_export_a_preset_that_generates_notes(string durations, int tokens)
    {
        var music = NeverSeen();
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "seqgan", "--data", music, "--out", run, "--steps", "60", "--durations", durations,
            "--hidden", "24", "--embedding", "8", "--disc-embedding", "8", "--filters", "4", "--rollouts", "2", "--seq-len", "12", "--batch", "8",
            "--lr", "0.01", "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  G ", stderr);
        Assert.Contains("phases: generator pre-training 1–30, discriminator pre-training to 42, adversarial to 60 (2 roll-outs per prefix)", stdout);
        Assert.Matches(@"BLEU \(50 samples against the training windows, pitches\): after pre-training [0-9.]+, now [0-9.]+", stdout);
        Assert.Matches(@"held-out NLL: [0-9.]+ nats/token", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-seqgan");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("seqgan", root.GetProperty("family").GetString());
            Assert.Equal(tokens, root.GetProperty("vocabulary").GetProperty("tokens").GetArrayLength());
            Assert.Equal(60, root.GetProperty("provenance").GetProperty("steps").GetInt64());
        }
        Assert.Equal(durations == "ngram", File.Exists(Path.Combine(preset, "durations.json")));

        string Generate(string name, string seed)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke("generate", preset, "--seconds", "20", "--out", path, "--seed", seed);
            Assert.True(c == 0, e);
            Assert.StartsWith($"wrote {path}: ", o);
            return path;
        }
        var a = Generate("a.mid", "7");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Generate("b.mid", "7")));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(Generate("c.mid", "8")));
        var notes = MidoNote.Read(a);
        Assert.True(notes.Count >= 8, $"{notes.Count} notes");
        Assert.All(notes, n => Assert.InRange(n.Pitch, 36, 96));
        Assert.All(notes, n => Assert.True(n.StartSeconds < 20 + 1e-6));

        // What the family does not hear is refused, not ignored.
        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "4", "--out", _cli.Path("x.mid"), "--key", "C:major");
        Assert.Equal((2, "error: --key: the seqgan family does not use it (it takes --temperature, --tempo)\n"), (code, stderr.ReplaceLineEndings("\n")));
        Assert.False(File.Exists(_cli.Path("x.mid")));
    }

    [Theory]
    [InlineData("--durations", "midi", "error: --durations midi: must be vocabulary or ngram")]
    [InlineData("--rollouts", "0", "error: --rollouts 0: must be 1…256")]
    [InlineData("--pretrain-steps", "-5", "error: --pretrain-steps -5: must be at least 0")]
    [InlineData("--seq-len", "1", "error: --seq-len 1: must be 2…1024")]
    [InlineData("--rollout-keep", "1.5", "error: --rollout-keep 1.5: must be 0…1")]
    public void Bad_options_are_refused_in_one_line_before_any_data_is_read(string option, string value, string error)
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "seqgan", "--data", _cli.Path("missing"), "--out", run, option, value);
        Assert.Equal((2, "", error + "\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void A_performance_cache_is_refused_in_one_line()
    {
        var cache = _cli.PreparedCache("performance", "coconut_run2.mid", "ultimate_run.mid");
        var run = _cli.Path("run");
        var (code, _, stderr) = DataCli.Invoke("train", "seqgan", "--data", cache, "--out", run, "--steps", "5");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^error: .*: the cache is encoded as performance; seqgan needs melodies \(prepare it with --encoding notes\)$", line);
        Assert.False(Directory.Exists(run));
    }
}
