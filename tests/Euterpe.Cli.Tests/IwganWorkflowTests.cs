using System.Text.Json;

namespace Euterpe.Cli.Tests;

/// <summary>
/// train iwgan --steps 60 straight from a folder it has never seen (two of mma's example songs) → export → generate:
/// the preset (family iwgan, the same player as the DCGAN's) writes notes, the same seed the same file.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class IwganWorkflowTests : IDisposable
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
        var (code, stdout, stderr) = DataCli.Invoke("train", "iwgan", "--data", music, "--out", run, "--steps", "60", "--batch", "2", "--critic-steps", "1",
            "--validate-every", "20", "--checkpoint-every", "30", "--seed", "2", "--threads", "1", "--threshold", "0.2");
        Assert.True(code == 0, stderr);
        Assert.Contains("step 60/60  D ", stderr);
        Assert.Matches(@"critic loss: -?[0-9.]+; generator loss: -?[0-9.]+", stdout);

        var preset = _cli.Path("preset");
        (code, _, stderr) = DataCli.Invoke("export", run, "--out", preset, "--id", "test-iwgan");
        Assert.True(code == 0, stderr);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(preset, "manifest.json"))))
        {
            Assert.Equal("iwgan", manifest.RootElement.GetProperty("family").GetString());
            Assert.Equal(0.2, manifest.RootElement.GetProperty("pianoRoll").GetProperty("threshold").GetDouble());
        }
        string Generate(string name)
        {
            var path = _cli.Path(name);
            var (c, _, e) = DataCli.Invoke("generate", preset, "--seconds", "12", "--out", path, "--seed", "3");
            Assert.True(c == 0, e);
            return path;
        }
        var a = Generate("a.mid");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Generate("b.mid")));
        Assert.NotEmpty(MidoNote.Read(a));
    }
}
