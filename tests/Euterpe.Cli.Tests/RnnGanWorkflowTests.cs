using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train rnn-gan (straight from a folder of three OpenMSX songs) → export → generate through the command runner: the
/// preset writes notes (read back by python3-mido), the same seed the same file and another seed another; and the
/// trainer's one-line refusals.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class RnnGanWorkflowTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_trained_preset_generates_notes_and_the_same_seed_the_same_file()
    {
        var music = _cli.Corpus("music", "be_sharp_bw_redfarn.mid", "boogi_marabi_redfarn.mid", "busy_schedule.mid");
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "rnn-gan", "--data", music, "--out", run, "--steps", "60", "--hidden", "16", "--disc-hidden", "16",
            "--embedding", "8", "--noise", "4", "--batch", "8", "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"discriminator loss: [0-9.]+; generator loss: [0-9.]+", stdout);
        Assert.Matches(@"collapse \(32 samples of 32 tokens\): [0-9.]+ distinct tokens, [0-9.]+ distinct pitches per sample, top token [0-9.]+ of all; real windows: ", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-rnn-gan");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("rnn-gan", root.GetProperty("family").GetString());
            Assert.Equal("note-tokens", root.GetProperty("representation").GetString());
            Assert.Equal(62 * 8, root.GetProperty("vocabulary").GetProperty("tokens").GetArrayLength());
            Assert.Equal(60, root.GetProperty("provenance").GetProperty("steps").GetInt64());
        }

        string Generate(string name, string seed)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke("generate", preset, "--seconds", "30", "--out", path, "--seed", seed);
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
        Assert.All(notes, n => Assert.True(n.StartSeconds < 30 + 1e-6));
    }

    [Fact]
    public void Bad_steps_are_refused_in_one_line_before_any_data_is_read()
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "rnn-gan", "--data", _cli.Path("missing"), "--out", run, "--steps", "0");
        Assert.Equal((2, "", "error: --steps 0: must be at least 1\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void A_performance_cache_is_refused_in_one_line()
    {
        var cache = _cli.PreparedCache("performance", "coconut_run2.mid", "ultimate_run.mid");
        var run = _cli.Path("run");
        var (code, _, stderr) = DataCli.Invoke("train", "rnn-gan", "--data", cache, "--out", run, "--steps", "5");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^error: .*: the cache is encoded as performance; rnn-gan needs melodies \(prepare it with --encoding notes\)$", line);
        Assert.False(Directory.Exists(run));
    }
}
