using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train dcgan --steps 60 straight from a folder it has never seen (four of mma's example songs) → export → generate
/// through the command runner: the preset writes notes (read back by python3-mido), the same seed the same file and
/// another seed another; data prepare --encoding pianoroll; and the one-line refusals of options that do not apply.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class DcganWorkflowTests : IDisposable
{
    private const string Mma = "/usr/share/doc/mma/examples";
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string MmaSongs()
    {
        var music = _cli.Path("mma");
        Directory.CreateDirectory(music);
        foreach (var song in new[] { "simple/marine-hymn.mid", "simple/bill-bailey.mid", "tutorial/deep-river.mid", "lyrics/twinkle.mid" })
        {
            var path = Path.Combine(Mma, song);
            Assert.True(File.Exists(path), $"{path} is missing: install the Debian package mma");
            File.Copy(path, Path.Combine(music, Path.GetFileName(song)));
        }
        return music;
    }

    [Fact]
    public void Sixty_steps_on_an_unseen_folder_export_a_preset_whose_generate_gives_notes()
    {
        var music = MmaSongs();
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "dcgan", "--data", music, "--out", run, "--steps", "60", "--batch", "2",
            "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1", "--threshold", "0.1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"discriminator loss: [0-9.]+; generator loss: [0-9.]+", stdout);
        Assert.Matches(@"D\(real\) [0-9.]+, D\(generated\) [0-9.]+; cells above 0.1: real [0-9.]+, generated [0-9.]+", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-dcgan");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal("dcgan", root.GetProperty("family").GetString());
            Assert.Equal("piano-roll", root.GetProperty("representation").GetString());
            var grid = root.GetProperty("pianoRoll");
            Assert.Equal((24, 16, 128, 0.1), (grid.GetProperty("stepsPerBeat").GetInt32(), grid.GetProperty("beatsPerClip").GetInt32(),
                grid.GetProperty("pitches").GetInt32(), grid.GetProperty("threshold").GetDouble()));
            Assert.Equal(60, root.GetProperty("provenance").GetProperty("steps").GetInt64());
        }

        string Generate(string name, string seed, params string[] more)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke(["generate", preset, "--seconds", "20", "--out", path, "--seed", seed, "--tempo", "100", .. more]);
            Assert.True(c == 0, e);
            Assert.StartsWith($"wrote {path}: ", o);
            return path;
        }
        var a = Generate("a.mid", "7");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Generate("b.mid", "7")));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(Generate("c.mid", "8")));
        var notes = MidoNote.Read(a);
        Assert.True(notes.Count >= 8, $"{notes.Count} notes");
        Assert.All(notes, n => Assert.True(n.StartSeconds < 20 + 1e-6));
        // 100 bpm: the second clip starts at 16 beats = 9.6 s; a higher threshold keeps fewer notes.
        Assert.Contains(notes, n => n.StartSeconds >= 9.6 - 1e-6);
        Assert.True(MidoNote.Read(Generate("d.mid", "7", "--threshold", "0.5")).Count < notes.Count);

        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", _cli.Path("e.mid"), "--temperature", "0.5");
        Assert.Equal((2, "error: --temperature: the dcgan family does not use it (it takes --tempo, --threshold)\n"), (code, stderr.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Data_prepare_writes_a_pianoroll_cache_that_train_reads()
    {
        var cache = _cli.Path("cache");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", MmaSongs(), "--encoding", "pianoroll", "--out", cache, "--validation-fraction", "0.25");
        Assert.True(code == 0, stderr);
        Assert.Contains("cache: " + cache + " (pianoroll, clips of 16 beats × 24 steps × 128 pitches, velocities)", stdout);
        Assert.Matches(@"train: 3 files, \d+ clips, 1 shard\(s\)", stdout);
        Assert.Matches(@"validation: 1 files, \d+ clips, 1 shard\(s\)", stdout);
        Assert.True(File.Exists(Path.Combine(cache, "pianoroll.json")));
        (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", _cli.Path("mma"), "--encoding", "pianoroll", "--out", _cli.Path("cache2"), "--melody");
        Assert.Equal((2, "", "error: --melody: not an option of --encoding pianoroll\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        var run = _cli.Path("run");
        (code, _, stderr) = DataCli.Invoke("train", "dcgan", "--data", cache, "--out", run, "--steps", "1", "--batch", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Options_that_do_not_apply_and_other_caches_are_refused_in_one_line()
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "dcgan", "--data", _cli.Path("missing"), "--out", run, "--seq-len", "32");
        Assert.Equal(2, code);
        Assert.Contains("--seq-len", stderr);
        (code, stdout, stderr) = DataCli.Invoke("train", "dcgan", "--data", _cli.Path("missing"), "--out", run, "--batch", "1");
        Assert.Equal((2, "", "error: --batch 1: must be 2…4096 (batch norm needs two clips or more)\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        var cache = _cli.PreparedCache("notes", "coconut_run2.mid", "ultimate_run.mid");
        (code, _, stderr) = DataCli.Invoke("train", "dcgan", "--data", cache, "--out", run, "--steps", "5");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^error: .*: not a piano-roll cache; prepare one with `euterpe data prepare --encoding pianoroll`, or pass a folder of music files$", line);
        Assert.False(Directory.Exists(run));
    }
}
