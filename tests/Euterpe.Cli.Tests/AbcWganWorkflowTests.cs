using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train abc-wgan (straight from a folder of three OpenMSX songs) → export → generate as ABC and as MIDI through the
/// command runner: abc2midi converts the text without an error or a warning into the notes our decoder played (read back by
/// python3-mido), the same seed writes the same files; and the trainer's one-line refusals.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class AbcWganWorkflowTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_trained_preset_writes_abc_that_abc2midi_plays_as_our_notes()
    {
        var music = _cli.Corpus("music", "be_sharp_bw_redfarn.mid", "boogi_marabi_redfarn.mid", "busy_schedule.mid");
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "abc-wgan", "--data", music, "--out", run, "--steps", "60", "--hidden", "16", "--critic-hidden", "16",
            "--embedding", "8", "--batch", "8", "--critic-steps", "2", "--curriculum", "1", "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"critic loss: -?[0-9.]+; generator loss: -?[0-9.]+; Wasserstein estimate: -?[0-9.]+ \(validation -?[0-9.]+\)", stdout);
        Assert.Contains("length 60", stdout);
        Assert.Matches(@"character BLEU of 50 samples of 64 characters against the training windows: [0-9.]+", stdout);

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-abc-wgan");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("abc-wgan", root.GetProperty("family").GetString());
            Assert.Equal("abc-characters", root.GetProperty("representation").GetString());
            Assert.Equal(37, root.GetProperty("vocabulary").GetProperty("tokens").GetArrayLength());
            Assert.Equal(60, root.GetProperty("provenance").GetProperty("steps").GetInt64());
        }

        string Generate(string name, string seed)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke("generate", preset, "--seconds", "60", "--out", path, "--seed", seed, "--temperature", "1.2");
            Assert.True(c == 0, e);
            Assert.StartsWith($"wrote {path}: ", o);
            return path;
        }
        var abc = Generate("a.abc", "7");
        var ours = MidoNote.Read(Generate("a.mid", "7"));
        Assert.Equal(File.ReadAllText(abc), File.ReadAllText(Generate("b.abc", "7")));
        Assert.NotEqual(File.ReadAllText(abc), File.ReadAllText(Generate("c.abc", "8")));

        var text = File.ReadAllText(abc);
        var midi = _cli.Path("abc2midi.mid");
        var result = ProcessRunner.Run("abc2midi", [abc, "1", "-o", midi]).EnsureSuccess();
        Assert.DoesNotContain("rror", result.Stdout + result.Stderr);
        Assert.DoesNotContain("arning", result.Stdout + result.Stderr); // every bar is full
        var theirs = MidoNote.Read(midi);
        Assert.True(ours.Count >= 8, $"{ours.Count} notes from:\n{text}");
        // Our MIDI stops at 60 s; abc2midi plays the text to its end (the note under way then, and no more).
        var compared = theirs.Where(n => n.StartSeconds < 60 - 1e-6).ToList();
        Assert.Equal(ours.Count, compared.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var context = $"note {i} of:\n{text}";
            Assert.True(ours[i].Pitch == compared[i].Pitch, $"pitch {ours[i].Pitch} vs abc2midi {compared[i].Pitch}, {context}");
            Assert.True(Math.Abs(ours[i].StartSeconds - compared[i].StartSeconds) <= 0.01, $"start {ours[i].StartSeconds} vs abc2midi {compared[i].StartSeconds}, {context}");
            if (compared[i].EndSeconds <= 60)
                Assert.True(Math.Abs(ours[i].EndSeconds - compared[i].EndSeconds) <= 0.02, $"end {ours[i].EndSeconds} vs abc2midi {compared[i].EndSeconds}, {context}");
        }
    }

    [Theory]
    [InlineData("--steps", "0", "--steps 0: must be at least 1")]
    [InlineData("--teacher", "1", "--teacher 1: must be at least 0 and below 1")]
    [InlineData("--batch", "1", "--batch 1: must be at least 2")]
    public void Bad_options_are_refused_in_one_line_before_any_data_is_read(string option, string value, string message)
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "abc-wgan", "--data", _cli.Path("missing"), "--out", run, option, value);
        Assert.Equal((2, "", $"error: {message}\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void A_folder_without_music_is_refused_in_one_line()
    {
        var empty = _cli.Path("empty");
        Directory.CreateDirectory(empty);
        var (code, _, stderr) = DataCli.Invoke("train", "abc-wgan", "--data", empty, "--out", _cli.Path("run"));
        Assert.Equal((2, $"error: {empty}: no music files (.mid, .midi, .kar, .abc)\n"), (code, stderr.ReplaceLineEndings("\n")));
    }
}
