using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train dcrnn --steps 60 straight from a folder it has never seen (two of mma's example songs) → export → generate:
/// the preset (family dcrnn) writes notes, the same seed the same file, --form ABCAB plays clip 1's notes again at
/// clip 4 (read back by mido), and the options that do not apply are refused in one line.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class DcrnnWorkflowTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Sixty_steps_on_an_unseen_folder_export_a_preset_whose_generate_gives_notes()
    {
        var music = _cli.Path("mma");
        Directory.CreateDirectory(music);
        foreach (var song in new[] { "simple/marine-hymn.mid", "lyrics/twinkle.mid" })
            File.Copy(Path.Combine("/usr/share/doc/mma/examples", song), Path.Combine(music, Path.GetFileName(song)));
        var run = _cli.Path("run");
        var (code, stdout, stderr) = DataCli.Invoke("train", "dcrnn", "--data", music, "--out", run, "--steps", "60", "--batch", "4", "--critic-steps", "1",
            "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1", "--threshold", "0.4");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"critic loss: -?[0-9.]+; generator loss: -?[0-9.]+", stdout);
        Assert.True(File.Exists(Path.Combine(run, "loss.svg")));
        // An option of another family is refused before any work.
        (code, _, stderr) = DataCli.Invoke("train", "dcrnn", "--data", music, "--out", _cli.Path("other"), "--seq-len", "32");
        Assert.NotEqual(0, code);
        Assert.Contains("--seq-len", stderr);

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-dcrnn");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            Assert.Equal("dcrnn", manifest.RootElement.GetProperty("family").GetString());
            Assert.Equal(0.4, manifest.RootElement.GetProperty("pianoRoll").GetProperty("threshold").GetDouble());
            Assert.Equal(32, manifest.RootElement.GetProperty("pianoRoll").GetProperty("latent").GetInt32());
            // The training clips' pitch-class histograms, which seeds without a key start from.
            var histograms = manifest.RootElement.GetProperty("pianoRoll").GetProperty("histograms").EnumerateArray().ToList();
            Assert.NotEmpty(histograms);
            Assert.All(histograms, h => Assert.Equal(1.0, h.EnumerateArray().Sum(v => v.GetDouble()), 2));
        }
        string Generate(string name, params string[] more)
        {
            var path = _cli.Path(name);
            var (c, _, e) = DataCli.Invoke(["generate", preset, "--seconds", "40", "--out", path, "--seed", "3", "--threshold", "0.5", .. more]);
            Assert.True(c == 0, e);
            return path;
        }
        var a = Generate("a.mid");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Generate("b.mid")));
        Assert.NotEmpty(MidoNote.Read(a));
        // --key is the histogram the model hears: another clip than the uniform one.
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(Generate("key.mid", "--key", "A:minor")));
        // 40 s at 120 bpm is five 16-beat clips (8 s each): ABCAB's fourth repeats the first, its fifth the second.
        var form = MidoNote.Read(Generate("form.mid", "--form", "ABCAB"));
        List<(int Pitch, double Start, double End)> Clip(int index) =>
            [.. form.Where(n => n.StartSeconds >= 8 * index - 1e-6 && n.StartSeconds < 8 * (index + 1) - 1e-6)
                .Select(n => (n.Pitch, Math.Round(n.StartSeconds - 8 * index, 4), Math.Round(Math.Min(n.EndSeconds, 8 * (index + 1)) - 8 * index, 4)))
                .OrderBy(n => n.Item2).ThenBy(n => n.Pitch)];
        Assert.NotEmpty(Clip(0));
        Assert.Equal(Clip(0), Clip(3));
        Assert.Equal(Clip(1), Clip(4));
        Assert.NotEqual(Clip(0), Clip(1));

        // Options of other families are refused, and --form/--morph values that make no sense.
        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", _cli.Path("x.mid"), "--walk-rate", "2");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --walk-rate: the dcrnn family does not use it", stderr);
        (code, _, stderr) = DataCli.Invoke("generate", preset, "--seconds", "5", "--out", _cli.Path("x.mid"), "--morph", "2");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --morph: 2 is not in 0..1", stderr);
        Assert.False(File.Exists(_cli.Path("x.mid")));
    }
}
