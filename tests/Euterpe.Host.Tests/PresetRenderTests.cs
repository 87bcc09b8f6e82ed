using Euterpe.Core.Midi;

namespace Euterpe.Host.Tests;

/// <summary>
/// The README's main job in small: the shipped event-RNN preset, chosen by folder, generates notes inside the plug-in
/// during an offline render in our host; the export is the same every time (offline blocks wait for the generator).
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public class PresetRenderTests
{
    private static string ShippedPreset()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "PluginSolution.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        var preset = Path.Combine(dir!, "presets", "event-rnn-openmsx");
        Assert.True(File.Exists(Path.Combine(preset, "model.onnx")), $"{preset}: shipped preset missing");
        return preset;
    }

    [Fact]
    public void The_shipped_preset_renders_generated_notes_and_sound_identically_twice()
    {
        using var dir = new TempDir();
        RenderResult Render(string name) => OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 8, dir.File(name + ".wav"))
        {
            Preset = ShippedPreset(),
            MidiOut = dir.File(name + ".mid"),
            Tempo = 120,
        });
        var first = Render("a");
        var second = Render("b");
        Assert.Equal("", first.PresetNote);
        Assert.True(first.OutputNoteOns > 10, $"only {first.OutputNoteOns} generated notes in 8 s");
        Assert.True(first.Peak > 0.01f, $"peak {first.Peak}");
        var notes = MidiFileReader.Read(dir.File("a.mid")).Notes;
        Assert.Equal(first.OutputNoteOns, notes.Count);
        Assert.All(notes, n => Assert.InRange(n.StartSeconds, 0, 8));
        Assert.Equal(File.ReadAllBytes(dir.File("a.mid")), File.ReadAllBytes(dir.File("b.mid")));
        Assert.Equal(File.ReadAllBytes(dir.File("a.wav")), File.ReadAllBytes(dir.File("b.wav")));
    }
}
