using Euterpe.Core.Presets;
using Euterpe.Core.Tests.Onnx;

namespace Euterpe.Core.Tests.Presets;

public class PresetTests
{
    private static string WritePreset(TempFolder dir, bool model = true, bool manifest = true, string? json = null)
    {
        var folder = Path.Combine(dir.Root, "event-rnn-test");
        Directory.CreateDirectory(folder);
        if (model) TestModels.LstmStep().Save(Path.Combine(folder, "model.onnx"));
        if (manifest) File.WriteAllText(Path.Combine(folder, "manifest.json"), json ?? ManifestSamples.EventRnn);
        return folder;
    }

    [Fact]
    public void OpensAPresetAndChecksItsModelInTheRuntime()
    {
        using var dir = new TempFolder();
        var folder = WritePreset(dir);

        var preset = Preset.Open(folder);
        using (preset.OpenSession())
        {
        }

        Assert.Equal("event-rnn-test", preset.Name);
        Assert.Equal("event-rnn", preset.Family);
        Assert.Equal(Path.Combine(folder, "model.onnx"), preset.ModelPath);
        Assert.Equal(Path.Combine(folder, "manifest.json"), preset.ManifestPath);
        Assert.Equal("event-rnn-test", preset.OnnxManifest.Id);
        Assert.Equal(preset.ManifestPath, preset.OnnxManifest.SourcePath);
    }

    [Fact]
    public void TheManifestIsReadOnceWhenOpened()
    {
        using var dir = new TempFolder();
        var folder = WritePreset(dir);
        var preset = Preset.Open(folder);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{ not json");
        Assert.Same(preset.OnnxManifest, preset.OnnxManifest);
        Assert.Equal("event-rnn-test", preset.OnnxManifest.Id);
    }

    [Fact]
    public void ModelThatDisagreesWithItsManifestFailsTheCheck()
    {
        using var dir = new TempFolder();
        var folder = WritePreset(dir, json: ManifestSamples.EventRnn.Replace("[1, 10]", "[1, 12]"));
        var preset = Preset.Open(folder);
        var e = Assert.Throws<EuterpeException>(() => preset.OpenSession());
        Assert.Equal($"{preset.ManifestPath}: io logitsOutput \"logits\" is float[1,12] but model.onnx declares float[1,10]", e.Message);
    }

    [Fact]
    public void MissingPiecesAreNamed()
    {
        using var dir = new TempFolder();
        var noManifest = WritePreset(dir, manifest: false);
        Assert.Equal($"{noManifest}: not a preset (no manifest.json)", Assert.Throws<EuterpeException>(() => Preset.Open(noManifest)).Message);

        using var dir2 = new TempFolder();
        var noModel = WritePreset(dir2, model: false);
        Assert.Equal($"{Path.Combine(noModel, "model.onnx")}: missing (an ONNX preset holds model.onnx beside its manifest.json)",
            Assert.Throws<EuterpeException>(() => Preset.Open(noModel).OpenSession()).Message);

        var absent = dir.File("nothing-here");
        Assert.Equal($"{absent}: preset folder not found", Assert.Throws<EuterpeException>(() => Preset.Open(absent)).Message);

        var file = Path.Combine(noManifest, "model.onnx");
        Assert.StartsWith($"{file}: is a file", Assert.Throws<EuterpeException>(() => Preset.Open(file)).Message);

        using var dir3 = new TempFolder();
        var noFamily = WritePreset(dir3, json: "{\"id\": \"x\"}");
        Assert.Equal($"{Path.Combine(noFamily, "manifest.json")}: missing \"family\"", Assert.Throws<EuterpeException>(() => Preset.Open(noFamily)).Message);
        var badJson = WritePreset(dir3, json: "[1,");
        Assert.StartsWith($"{Path.Combine(badJson, "manifest.json")}: invalid manifest JSON", Assert.Throws<EuterpeException>(() => Preset.Open(badJson)).Message);
    }

    [Fact]
    public void CorruptModelInAPresetIsAOneLineError()
    {
        using var dir = new TempFolder();
        var folder = WritePreset(dir);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), [0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
        var preset = Preset.Open(folder);
        var e = Assert.ThrowsAny<EuterpeException>(() => preset.OpenSession());
        Assert.StartsWith($"{preset.ModelPath}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
