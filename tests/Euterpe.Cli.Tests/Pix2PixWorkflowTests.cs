using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train pix2pix --steps 60 straight from a folder it has never seen (four of mma's example songs) → export → generate
/// --infill on a real OpenMSX song through the command runner, read back by python3-mido: every note of the clip is
/// kept, the filled notes lie inside --bars, the same input gives the same bytes; and the one-line refusals.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class Pix2PixWorkflowTests : IDisposable
{
    private const string Mma = "/usr/share/doc/mma/examples";
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
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

    private string TrainedPreset()
    {
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "pix2pix", "--data", MmaSongs(), "--out", run, "--steps", "60", "--batch", "2",
            "--validate-every", "30", "--checkpoint-every", "30", "--seed", "2", "--threads", "1", "--threshold", "0.2", "--validation-fraction", "0.25");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"discriminator loss: [0-9.]+; generator loss: [0-9.]+", stdout);
        Assert.Matches(@"held-out fill \(cells, threshold 0.2\): precision [0-9.]+, recall [0-9.]+, F1 [0-9.]+; whole roll F1 [0-9.]+ filled vs [0-9.]+ facade alone", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));
        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-pix2pix");
        Assert.True(code == 0, stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("pix2pix", root.GetProperty("family").GetString());
        var grid = root.GetProperty("pianoRoll");
        Assert.Equal((8, 16, 128, 0.2), (grid.GetProperty("stepsPerBeat").GetInt32(), grid.GetProperty("beatsPerClip").GetInt32(),
            grid.GetProperty("pitches").GetInt32(), grid.GetProperty("threshold").GetDouble()));
        return preset;
    }

    private static int TicksPerQuarter(string midi)
    {
        var header = File.ReadAllBytes(midi);
        return header[12] << 8 | header[13];
    }

    [Fact]
    public void Sixty_steps_on_an_unseen_folder_export_a_preset_that_fills_bars_of_a_real_song_and_keeps_its_notes()
    {
        var preset = TrainedPreset();
        var song = Path.Combine(OpenMsx, "coconut_run2.mid");
        Assert.True(File.Exists(song), $"{song} is missing: install the Debian package openttd-openmsx");
        string Fill(string name, params string[] more)
        {
            var path = _cli.Path(name);
            var (c, o, e) = DataCli.Invoke(["generate", preset, "--infill", song, "--out", path, .. more]);
            Assert.True(c == 0, e);
            Assert.StartsWith($"wrote {path}: ", o);
            return path;
        }
        // A low threshold, so even a 60-step model fills something.
        var filled = Fill("bars.mid", "--bars", "3-4", "--threshold", "0.05");
        Assert.Equal(File.ReadAllBytes(filled), File.ReadAllBytes(Fill("bars-again.mid", "--bars", "3-4", "--threshold", "0.05")));

        var original = MidoNote.Read(song);
        var output = MidoNote.Read(filled);
        static (int, int, int, long, long) Key(MidoNote n) => (n.Channel, n.Pitch, n.Velocity, n.Start, n.End);
        var left = output.Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        foreach (var note in original)
        {
            Assert.True(left.TryGetValue(Key(note), out var n) && n > 0, $"original note {note} is missing from the output");
            left[Key(note)] = n - 1;
        }
        var added = output.Count - original.Count;
        Assert.True(added > 0, "nothing was filled");
        // The filled notes are the output's last track: all inside bars 3-4 (beats 8 to 16).
        var fillTrack = output.Max(n => n.Track);
        var fills = output.Where(n => n.Track == fillTrack).ToList();
        Assert.Equal(added, fills.Count);
        var tpq = TicksPerQuarter(song);
        Assert.All(fills, n => Assert.True(n.Start >= 8L * tpq && n.End <= 16L * tpq, $"filled note {n} outside bars 3-4"));

        // Without --bars the whole song is filled around its notes: still every note kept, fills anywhere.
        var whole = MidoNote.Read(Fill("whole.mid", "--threshold", "0.05"));
        Assert.True(whole.Count > original.Count);
    }

    [Fact]
    public void Bad_clips_bars_and_options_are_refused_in_one_line()
    {
        var preset = TrainedPreset();
        var song = Path.Combine(OpenMsx, "coconut_run2.mid");
        string Error(params string[] args)
        {
            var (c, o, e) = DataCli.Invoke(args);
            Assert.Equal(2, c);
            Assert.Equal("", o);
            return Assert.Single(e.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        }
        var output = _cli.Path("out.mid");
        Assert.Matches(@"^error: .*coconut_run2\.mid: --bars 900-901 is outside the clip's bars 1-\d+$", Error("generate", preset, "--infill", song, "--bars", "900-901", "--out", output));
        Assert.Equal("error: --bars 4-2: must be A-B with 1 ≤ A ≤ B (bars counted from 1), or one bar A", Error("generate", preset, "--infill", song, "--bars", "4-2", "--out", output));
        var garbage = _cli.Path("garbage.mid");
        File.WriteAllText(garbage, "not a MIDI file");
        Assert.StartsWith($"error: {garbage}: ", Error("generate", preset, "--infill", garbage, "--out", output));
        Assert.StartsWith("error: ", Error("generate", preset, "--infill", _cli.Path("missing.mid"), "--out", output));
        Assert.Matches("^error: .*manifest.json: the pix2pix family fills a clip rather than making music from nothing", Error("generate", preset, "--seconds", "5", "--out", output));
        Assert.Equal("error: --temperature: not used with --infill (a fill takes --infill, --bars, --threshold)",
            Error("generate", preset, "--infill", song, "--out", output, "--temperature", "0.5"));
        var ngram = RepositoryRoot.Combine("presets", "ngram-openmsx");
        Assert.Equal("error: --infill: the ngram family does not fill clips (the pix2pix family does)", Error("generate", ngram, "--infill", song, "--out", output));
        Assert.Equal("error: --bars: needs --infill CLIP.mid, and a pix2pix preset (the ngram family does not fill clips)",
            Error("generate", ngram, "--seconds", "5", "--bars", "1-2", "--out", output));
        Assert.False(File.Exists(output));
        // Options that do not apply to training are refused too.
        var (code, _, stderr) = DataCli.Invoke("train", "pix2pix", "--data", _cli.Path("mma"), "--out", _cli.Path("run2"), "--seq-len", "32");
        Assert.Equal(2, code);
        Assert.Contains("--seq-len", stderr);
    }
}
