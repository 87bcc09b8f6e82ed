using Euterpe.Core.Tests.Onnx;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Presets;

public class PresetDirectoryTests
{
    private static string WritePreset(TempDir dir, bool model = true, bool manifest = true, string? json = null)
    {
        var folder = Path.Combine(dir.Path, "event-rnn-test");
        Directory.CreateDirectory(folder);
        if (model) TestModels.LstmStep().Save(Path.Combine(folder, "model.onnx"));
        if (manifest) File.WriteAllText(Path.Combine(folder, "manifest.json"), json ?? ManifestSamples.EventRnn);
        return folder;
    }

    [Fact]
    public void OpensAPresetAndChecksItsModel()
    {
        using var dir = new TempDir();
        var folder = WritePreset(dir);

        var preset = PresetDirectory.Open(folder);
        preset.CheckModel();

        Assert.Equal("event-rnn-test", preset.Name);
        Assert.Equal(Path.Combine(folder, "model.onnx"), preset.ModelPath);
        Assert.Equal(Path.Combine(folder, "manifest.json"), preset.ManifestPath);
        Assert.Equal("event-rnn-test", preset.Manifest.Id);
        Assert.Equal(preset.ManifestPath, preset.Manifest.SourcePath);
    }

    [Fact]
    public void ModelThatDisagreesWithItsManifestFailsTheCheck()
    {
        using var dir = new TempDir();
        var folder = WritePreset(dir, json: ManifestSamples.EventRnn.Replace("[1, 10]", "[1, 12]"));
        var preset = PresetDirectory.Open(folder);
        var e = Assert.Throws<EuterpeException>(preset.CheckModel);
        Assert.Equal($"{preset.ManifestPath}: io logitsOutput \"logits\" is float[1,12] but {preset.ModelPath} declares float[1,10]", e.Message);
    }

    [Fact]
    public void MissingPiecesAreNamed()
    {
        using var dir = new TempDir();
        var noManifest = WritePreset(dir, manifest: false);
        Assert.Equal($"{Path.Combine(noManifest, "manifest.json")}: missing (a preset folder holds model.onnx and manifest.json)",
            Assert.Throws<EuterpeException>(() => PresetDirectory.Open(noManifest)).Message);

        using var dir2 = new TempDir();
        var noModel = WritePreset(dir2, model: false);
        Assert.Equal($"{Path.Combine(noModel, "model.onnx")}: missing (a preset folder holds model.onnx and manifest.json)",
            Assert.Throws<EuterpeException>(() => PresetDirectory.Open(noModel)).Message);

        var absent = dir.File("nothing-here");
        Assert.Equal($"{absent}: preset folder not found", Assert.Throws<EuterpeException>(() => PresetDirectory.Open(absent)).Message);

        var file = Path.Combine(noManifest, "model.onnx");
        Assert.StartsWith($"{file}: is a file", Assert.Throws<EuterpeException>(() => PresetDirectory.Open(file)).Message);
    }

    [Fact]
    public void CorruptModelInAPresetIsAOneLineError()
    {
        using var dir = new TempDir();
        var folder = WritePreset(dir);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), [0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
        var preset = PresetDirectory.Open(folder);
        var e = Assert.Throws<EuterpeException>(preset.CheckModel);
        Assert.StartsWith($"{preset.ModelPath}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
