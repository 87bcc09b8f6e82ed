using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train refine-duration / refine-velocity on a folder of pianobooster pieces the project never trained on → export →
/// refine an OpenMSX song: the notes (read back by python3-mido) are the same notes, the duration net moves only
/// their timing and the velocity net only their velocities; and the one-line refusals.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class RefineWorkflowTests : IDisposable
{
    private const string Pianobooster = "/usr/share/doc/pianobooster/courses/BoosterMusic";
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Train(string family)
    {
        var music = _cli.Path("music");
        if (!Directory.Exists(music))
        {
            Directory.CreateDirectory(music);
            foreach (var piece in new[] { "01-ClairDeLaLune.mid", "02-LavendersBlue.mid", "04-FrereJacques.mid" })
                File.Copy(Path.Combine(Pianobooster, piece), Path.Combine(music, piece));
        }
        var run = _cli.Path("run-" + family);
        var (code, stdout, stderr) = DataCli.Invoke("train", family, "--data", music, "--out", run, "--steps", "60", "--hidden", "16", "--batch", "8",
            "--validation-fraction", "0.34", "--validate-every", "30", "--checkpoint-every", "30", "--threads", "1");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60", stderr);
        Assert.Matches(@"data: train: 2 files, \d+ parts, \d+ notes; held out: 1 files, \d+ parts", stdout);
        Assert.Contains("held out (", stdout);
        var preset = _cli.Path("preset-" + family);
        (code, stdout, stderr) = DataCli.Invoke("export", run, "--out", preset);
        Assert.True(code == 0, stderr);
        Assert.Contains($"family {family}, step 60", stdout);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json")));
        Assert.Equal("note-features", manifest.RootElement.GetProperty("representation").GetString());
        return preset;
    }

    [Fact]
    public void Nets_trained_on_an_unseen_folder_refine_a_song_keeping_its_notes()
    {
        var duration = Train("refine-duration");
        var velocity = Train("refine-velocity");
        var song = Path.Combine(DataCli.OpenMsx, "chuggachugga.mid");
        var original = MidoNote.Read(song).Where(n => n.Channel != 9).OrderBy(n => (n.Track, n.Channel, n.Start, n.Pitch)).ToList();

        var timed = _cli.Path("timed.mid");
        var (code, stdout, stderr) = DataCli.Invoke("refine", song, "--out", timed, "--duration", duration);
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"wrote {timed}: {original.Count} pitched notes in ", stdout);
        var afterTiming = MidoNote.Read(timed).Where(n => n.Channel != 9).ToList();
        Assert.Equal(original.Select(n => (n.Track, n.Channel, n.Pitch, n.Velocity)).Order(), afterTiming.Select(n => (n.Track, n.Channel, n.Pitch, n.Velocity)).Order());
        Assert.NotEqual(original.Select(n => n.End - n.Start).Order(), afterTiming.Select(n => n.End - n.Start).Order());

        var dynamic = _cli.Path("dynamic.mid");
        (code, _, stderr) = DataCli.Invoke("refine", song, "--out", dynamic, "--velocity", velocity);
        Assert.True(code == 0, stderr);
        var afterVelocity = MidoNote.Read(dynamic).Where(n => n.Channel != 9).OrderBy(n => (n.Track, n.Channel, n.Start, n.Pitch)).ToList();
        Assert.Equal(original.Select(n => (n.Track, n.Channel, n.Pitch, n.Start, n.End)), afterVelocity.Select(n => (n.Track, n.Channel, n.Pitch, n.Start, n.End)));
        Assert.All(afterVelocity, n => Assert.InRange(n.Velocity, 1, 127));

        // Both, durations first: the same file twice.
        var both = _cli.Path("both.mid");
        Assert.Equal(0, DataCli.Invoke("refine", song, "--out", both, "--duration", duration, "--velocity", velocity).Code);
        var again = _cli.Path("again.mid");
        Assert.Equal(0, DataCli.Invoke("refine", song, "--out", again, "--velocity", velocity, "--duration", duration).Code);
        Assert.Equal(File.ReadAllBytes(both), File.ReadAllBytes(again));

        // A refine net is no generator, and each net is only itself.
        (code, _, stderr) = DataCli.Invoke("generate", duration, "--seconds", "5", "--out", _cli.Path("x.mid"));
        Assert.Equal(2, code);
        Assert.Contains("is a refine net, which tidies music rather than making it: use `euterpe refine IN --out OUT.mid --duration ", stderr);
        (code, _, stderr) = DataCli.Invoke("refine", song, "--out", _cli.Path("y.mid"), "--duration", velocity);
        Assert.Equal((2, $"error: {Path.Combine(velocity, "manifest.json")}: is a refine-velocity net, not a refine-duration net\n"), (code, stderr));
        Assert.False(File.Exists(_cli.Path("y.mid")));
    }

    [Fact]
    public void Bad_requests_are_refused_in_one_line()
    {
        var song = Path.Combine(DataCli.OpenMsx, "chuggachugga.mid");
        var (code, _, stderr) = DataCli.Invoke("refine", song, "--out", _cli.Path("z.mid"));
        Assert.Equal((2, "error: refine: name a net (--duration PRESET, --velocity PRESET or both)\n"), (code, stderr));
        (code, _, stderr) = DataCli.Invoke("refine", song, "--out", _cli.Path("z.wav"), "--duration", _cli.Path("none"));
        Assert.Equal((2, $"error: {_cli.Path("z.wav")}: refine writes MIDI (.mid)\n"), (code, stderr));

        var cache = _cli.PreparedCache("notes", "coconut_run2.mid", "ultimate_run.mid");
        var run = _cli.Path("run");
        (code, _, stderr) = DataCli.Invoke("train", "refine-velocity", "--data", cache, "--out", run, "--steps", "5");
        Assert.Equal((2, $"error: {cache}: is a prepared cache; the refine nets read a folder of music files (they need each note's own timing and velocity)\n"), (code, stderr));
        (code, _, stderr) = DataCli.Invoke("train", "refine-duration", "--data", _cli.Path("missing"), "--out", run, "--stretch", "0.95");
        Assert.Equal((2, "error: --stretch 0.95: must be at least 0 and below 0.9\n"), (code, stderr));
        Assert.False(Directory.Exists(run));
        // --stretch is the duration net's: the velocity net has no such option.
        (code, _, stderr) = DataCli.Invoke("train", "refine-velocity", "--data", cache, "--out", run, "--stretch", "0.1");
        Assert.Equal(2, code);
        Assert.Contains("--stretch", stderr);
    }
}
