using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// The multi-track WGAN-GP end to end through the command runner: data prepare --encoding multitrack on four of mma's
/// example songs (drums, bass, chords, melody) → train wgan-gp --steps 60 → export → generate, the MIDI file read back
/// by python3-mido: every note on its family's channel with its family's program (drums on channel 10), one MIDI track
/// per channel, clips end to end, the same seed the same bytes, --threshold honoured and refused outside (0, 1); and
/// the one-line refusals of options and caches of other families.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class WganGpWorkflowTests : IDisposable
{
    private const string Mma = "/usr/share/doc/mma/examples";
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string MmaSongs()
    {
        var music = _cli.Path("mma");
        Directory.CreateDirectory(music);
        foreach (var song in new[] { "aria/bossa.mid", "simple/bill-bailey.mid", "tutorial/deep-river.mid", "lyrics/twinkle.mid" })
        {
            var path = Path.Combine(Mma, song);
            Assert.True(File.Exists(path), $"{path} is missing: install the Debian package mma");
            File.Copy(path, Path.Combine(music, Path.GetFileName(song)));
        }
        return music;
    }

    [Fact]
    public void A_prepared_cache_trains_exports_and_generates_each_family_on_its_channel_and_program()
    {
        var cache = _cli.Path("cache");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", MmaSongs(), "--encoding", "multitrack", "--out", cache, "--validation-fraction", "0.25");
        Assert.True(code == 0, stderr);
        Assert.Contains("cache: " + cache + " (multitrack, clips of 17 tracks × 16 beats × 4 steps × 128 pitches, bits)", stdout);
        Assert.Matches(@"notes per track: Drums \d+, Piano \d+", stdout);
        Assert.Matches(@"train: 3 files, \d+ clips, 1 shard\(s\)", stdout);
        Assert.Matches(@"validation: 1 files, \d+ clips, 1 shard\(s\)", stdout);

        var run = _cli.Path("run");
        (code, stdout, stderr) = DataCli.Invoke("train", "wgan-gp", "--data", cache, "--out", run, "--steps", "60", "--batch", "2", "--critic-steps", "1",
            "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"critic loss: -?[0-9.]+; generator loss: -?[0-9.]+", stdout);
        Assert.Matches(@"critic on \d+ held-out clips -?[0-9.]+, as many training clips -?[0-9.]+, generated -?[0-9.]+; held-out − generated -?[0-9.]+", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-wgan-gp");
        Assert.True(code == 0, stderr);
        var programOfChannel = new Dictionary<int, int>();
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal(("wgan-gp", "piano-roll"), (root.GetProperty("family").GetString(), root.GetProperty("representation").GetString()));
            var grid = root.GetProperty("pianoRoll");
            Assert.Equal((4, 16, 128, 0.9), (grid.GetProperty("stepsPerBeat").GetInt32(), grid.GetProperty("beatsPerClip").GetInt32(),
                grid.GetProperty("pitches").GetInt32(), grid.GetProperty("threshold").GetDouble()));
            var tracks = grid.GetProperty("tracks").EnumerateArray().ToList();
            Assert.Equal(17, tracks.Count);
            Assert.Equal(("Drums", 9), (tracks[0].GetProperty("name").GetString(), tracks[0].GetProperty("channel").GetInt32()));
            Assert.Equal(("Bass", 32, 4), (tracks[5].GetProperty("name").GetString(), tracks[5].GetProperty("program").GetInt32(), tracks[5].GetProperty("channel").GetInt32()));
            // The first track on a channel owns it (sound effects shares percussive's).
            foreach (var t in tracks) programOfChannel.TryAdd(t.GetProperty("channel").GetInt32(), t.GetProperty("program").GetInt32());
            var provenance = root.GetProperty("provenance");
            Assert.Equal(60, provenance.GetProperty("steps").GetInt64());
            Assert.True(provenance.GetProperty("validationMetrics").TryGetProperty("heldOutWasserstein", out _));
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
        // Each note on a channel of the manifest, with that channel's program; track 0 is the conductor, each other
        // track one family's channel.
        Assert.All(notes, n =>
        {
            Assert.True(programOfChannel.TryGetValue(n.Channel, out var program), $"channel {n.Channel} is no track's");
            Assert.Equal(program, n.Program);
            Assert.True(n.Track >= 1);
        });
        Assert.All(notes.GroupBy(n => n.Track), track => Assert.Single(track.Select(n => n.Channel).Distinct()));
        var channels = notes.Select(n => n.Channel).Distinct().ToList();
        Assert.True(channels.Count >= 2, $"only channel(s) {string.Join(", ", channels)} play");
        // 100 bpm: the second clip starts at 16 beats = 9.6 s.
        Assert.Contains(notes, n => n.StartSeconds >= 9.6 - 1e-6);

        // A lower threshold sounds more cells, a higher one fewer; outside (0, 1) it is refused and nothing is written.
        Assert.True(MidoNote.Read(Generate("d.mid", "7", "--threshold", "0.8")).Count > notes.Count);
        Assert.True(MidoNote.Read(Generate("e.mid", "7", "--threshold", "0.97")).Count < notes.Count);
        foreach (var bad in new[] { "1", "0", "-0.5" })
        {
            var path = _cli.Path($"bad{bad}.mid");
            (code, stdout, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", path, "--threshold", bad);
            Assert.Equal((2, "", $"error: --threshold: {bad} is not above 0 and below 1\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
            Assert.False(File.Exists(path));
        }
        // export --threshold builds another default into the preset: it plays what --threshold plays with the run's.
        var lower = _cli.Path("lower");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", lower, "--threshold", "0.8");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(lower, "manifest.json"))))
            Assert.Equal(0.8, manifest.RootElement.GetProperty("pianoRoll").GetProperty("threshold").GetDouble());
        var fromLower = _cli.Path("lower.mid");
        (code, _, stderr) = DataCli.Invoke("generate", lower, "--seconds", "20", "--out", fromLower, "--seed", "7", "--tempo", "100");
        Assert.True(code == 0, stderr);
        Assert.Equal(MidoNote.Read(_cli.Path("d.mid")), MidoNote.Read(fromLower));
        (code, stdout, stderr) = DataCli.Invoke("export", run, "--out", _cli.Path("bad-export"), "--threshold", "1");
        Assert.Equal((2, "", "error: --threshold 1: must be above 0 and below 1\n"), (code, stdout, stderr.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(_cli.Path("bad-export")));
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", _cli.Path("bad-export"), "--temperature", "0.5");
        Assert.Equal((2, "error: --temperature: wgan-gp runs with checkpoint.safetensors do not take it\n"), (code, stderr.ReplaceLineEndings("\n")));

        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", _cli.Path("t.mid"), "--temperature", "0.5");
        Assert.Equal((2, "error: --temperature: the wgan-gp family does not use it (it takes --tempo, --threshold)\n"), (code, stderr.ReplaceLineEndings("\n")));
        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", _cli.Path("t.abc"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')));
    }

    [Fact]
    public void Options_and_caches_of_other_families_are_refused_in_one_line()
    {
        var music = MmaSongs();
        var run = _cli.Path("run");
        void Refused(string expected, params string[] args)
        {
            var (code, stdout, stderr) = DataCli.Invoke(args);
            Assert.Equal((2, ""), (code, stdout));
            Assert.Matches(expected, Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')));
        }
        Refused("^error: unknown option or argument \"--disc-lr\"", "train", "wgan-gp", "--data", music, "--out", run, "--disc-lr", "1e-4");
        Refused("^error: unknown option or argument \"--seq-len\"", "train", "wgan-gp", "--data", music, "--out", run, "--seq-len", "32");
        Refused("^error: --batch 1: must be 2…4096 \\(the generator's batch norm needs two clips or more\\)$", "train", "wgan-gp", "--data", music, "--out", run, "--batch", "1");
        Refused("^error: --threshold 1: must be above 0 and below 1$", "train", "wgan-gp", "--data", music, "--out", run, "--threshold", "1");
        Refused("^error: --melody: not an option of --encoding multitrack$", "data", "prepare", "--data", music, "--encoding", "multitrack", "--out", _cli.Path("c"), "--melody");

        // A piano-roll cache is not a multi-track one, and the other way round.
        var pianoRoll = _cli.Path("pianoroll");
        var multiTrack = _cli.Path("multitrack");
        Assert.Equal(0, DataCli.Invoke("data", "prepare", "--data", music, "--encoding", "pianoroll", "--out", pianoRoll).Code);
        Assert.Equal(0, DataCli.Invoke("data", "prepare", "--data", music, "--encoding", "multitrack", "--out", multiTrack).Code);
        Refused(@"^error: .*: not a multi-track cache; prepare one with `euterpe data prepare --encoding multitrack`, or pass a folder of music files$",
            "train", "wgan-gp", "--data", pianoRoll, "--out", run, "--steps", "1");
        Refused(@"^error: .*: not a piano-roll cache; prepare one with `euterpe data prepare --encoding pianoroll`, or pass a folder of music files$",
            "train", "dcgan", "--data", multiTrack, "--out", run, "--steps", "1");
        Assert.False(Directory.Exists(run));
    }
}
