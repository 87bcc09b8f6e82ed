using Euterpe.Core.Midi;
using Euterpe.Core.Presets;

namespace Euterpe.Host.Tests;

/// <summary>
/// The README's main job in small: the shipped event-RNN preset, chosen by folder, generates notes inside the plug-in
/// during an offline render in our host; the export is the same every time (offline blocks wait for the generator).
/// </summary>
[Collection(PluginInstanceCollection.Name)]
public class PresetRenderTests
{
    private static string ShippedPreset(string name = "event-rnn-openmsx", string modelFile = "model.onnx")
    {
        var preset = RepositoryRoot.Combine("presets", name);
        Assert.True(File.Exists(Path.Combine(preset, modelFile)), $"{preset}: shipped preset missing");
        return preset;
    }

    [Fact]
    public void The_shipped_preset_renders_generated_notes_and_sound_identically_twice()
    {
        using var dir = new TempFolder("euterpe-host-");
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

    [Fact]
    public void A_preset_folder_is_the_one_played_even_where_the_bundle_has_a_preset_of_the_same_id()
    {
        // A retrained copy of the shipped n-gram keeps its id: its pitch counts are reversed row by row.
        using var dir = new TempFolder("euterpe-host-");
        var folder = Directory.CreateDirectory(dir.File("ngram-retrained")).FullName;
        foreach (var file in Directory.GetFiles(ShippedPreset("ngram-openmsx", "model.json"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var model = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "model.json")))!;
        foreach (var row in model["pitches"]!["rows"]!.AsArray())
        {
            var next = row!["next"]!.AsArray();
            var counts = next.Select(pair => pair![1]!.GetValue<long>()).Reverse().ToArray();
            for (var i = 0; i < next.Count; i++) next[i]![1] = counts[i];
        }
        File.WriteAllText(Path.Combine(folder, "model.json"), model.ToJsonString());

        List<int> Pitches(string preset, string name)
        {
            var result = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 6, dir.File(name + ".wav")) { Preset = preset, MidiOut = dir.File(name + ".mid"), Tempo = 120 });
            Assert.Equal("", result.PresetNote);
            return [.. MidiFileReader.Read(dir.File(name + ".mid")).Notes.OrderBy(n => n.StartTick).Select(n => n.Pitch)];
        }
        List<int> Generated(string preset) => [.. Core.Families.NGram.NGramFamily.Instance
            .GenerateNotes(Preset.Open(preset), new Core.Generation.GenerationRequest { Seconds = 6 }).Notes.OrderBy(n => n.StartTick).Select(n => n.Pitch).Take(10)];
        var retrained = Generated(folder);
        Assert.NotEqual(Generated(ShippedPreset("ngram-openmsx", "model.json")), retrained); // the two models differ
        Assert.Equal(retrained, Pitches(folder, "folder").Take(10));
    }

    [Fact]
    public void A_bundle_copied_elsewhere_runs_its_model_on_its_own_onnx_runtime()
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = TestData.Bundle();
        var copy = Path.Combine(dir.Root, "Euterpe.vst3");
        foreach (var file in Directory.GetFiles(bundle, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(bundle, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var result = OfflineRenderer.Render(new RenderOptions(copy, 4, dir.File("copy.wav"))
        {
            Preset = Path.Combine(copy, "Contents", "Resources", "presets", "event-rnn-openmsx"),
            Tempo = 120,
        });
        Assert.Equal("", result.PresetNote);
        Assert.True(result.OutputNoteOns > 0, "the model generated no notes");
        // The plug-in found ONNX Runtime beside its own assemblies in the copy: that file is mapped into this process.
        var library = Path.Combine(copy, "Contents", "x86_64-linux", "libonnxruntime.so");
        Assert.Contains(File.ReadLines("/proc/self/maps"), line => line.EndsWith(" " + library, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_ngram_preset_plays_a_melody_on_the_beat_grid_at_the_host_tempo()
    {
        using var dir = new TempFolder("euterpe-host-");
        const double Tempo = 90;
        var result = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 12, dir.File("n.wav"))
        {
            Preset = ShippedPreset("ngram-openmsx", "model.json"),
            MidiOut = dir.File("n.mid"),
            Tempo = Tempo,
        });
        Assert.Equal("", result.PresetNote);
        Assert.True(result.OutputNoteOns > 8, $"only {result.OutputNoteOns} generated notes in 12 s");
        Assert.InRange(result.Peak, 0.01f, 1f);
        var notes = MidiFileReader.Read(dir.File("n.mid")).Notes;
        // A monophonic melody whose onsets sit on the model's sixteenth-note grid at the host's tempo.
        var sixteenth = 60 / Tempo / 4;
        Assert.All(notes, n => Assert.InRange(n.StartSeconds / sixteenth - Math.Round(n.StartSeconds / sixteenth), -0.02, 0.02));
        for (var i = 1; i < notes.Count; i++) Assert.True(notes[i].StartSeconds >= notes[i - 1].EndSeconds - 1e-3, $"notes {i - 1} and {i} overlap");
    }

    [Fact]
    public void The_shipped_raw_audio_preset_streams_the_models_audio_through_the_plugin()
    {
        // Audio mode: the worker generates the fft-lstm preset's frames, resamples 16 kHz → 48 kHz and hands the samples
        // to the audio thread. The render must be exactly that stream (seed 0, Variation 100 %), at the default −6 dB.
        using var dir = new TempFolder("euterpe-host-");
        const int Seconds = 6;
        var folder = ShippedPreset("fft-lstm-bilinear-openmsx");
        RenderResult Render(string name, int block) => OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), Seconds, dir.File(name))
        {
            Preset = folder, Tempo = 120, Block = block,
        });
        var result = Render("a.wav", 1024);
        Assert.Equal("", result.PresetNote);
        Assert.Equal(0, result.OutputNoteOns);
        Assert.InRange(result.Peak, 0.01f, 0.977f);
        Assert.Equal(File.ReadAllBytes(dir.File("a.wav")), ReadAfter(Render("b.wav", 1024), dir.File("b.wav")));
        Render("c.wav", 333);
        Assert.Equal(File.ReadAllBytes(dir.File("a.wav")), File.ReadAllBytes(dir.File("c.wav")));

        using var stream = Core.Families.FftLstm.FftLstmFamily.Instance.OpenAudio(Core.Presets.Preset.Open(folder));
        stream.Variation = 0.05f;
        stream.Restart(0);
        var resampler = new Core.Audio.SincResampler(stream.SampleRate, 48000);
        var hop = new float[stream.HopLength];
        var chunk = new float[resampler.MaxOutputLength(hop.Length)];
        var expected = new List<float>();
        while (expected.Count < Seconds * 48000)
        {
            stream.NextHop(hop);
            var n = resampler.Process(hop, chunk);
            expected.AddRange(chunk.AsSpan(0, n).ToArray());
        }
        var gain = MathF.Pow(10, -9 / 20f); // the plug-in's default Output Gain (InstrumentParameters)
        var rendered = Core.Audio.WavFile.Read(dir.File("a.wav"));
        var worst = 0.0;
        for (var i = 0; i < Seconds * 48000; i++)
        {
            worst = Math.Max(worst, Math.Abs(rendered.Channels[0][i] - expected[i] * gain));
            Assert.Equal(rendered.Channels[0][i], rendered.Channels[1][i]);
        }
        Assert.True(worst < 1e-5, $"largest difference from the model's own stream {worst:E2}");
    }

    private static byte[] ReadAfter(RenderResult _, string path) => File.ReadAllBytes(path);

    [Fact]
    public void The_Temperature_reaches_the_raw_audio_presets_level_draw()
    {
        // The shipped raw-audio preset draws each frame's level from its level head; the plug-in's Temperature sets that
        // draw, as --temperature does for `generate`.
        var bundle = TestData.Bundle();
        var temperature = HostInspector.Describe(bundle).Parameters.Single(p => p.Title == "Temperature");
        using var dir = new TempFolder("euterpe-host-");
        var folder = ShippedPreset("fft-lstm-bilinear-openmsx");
        float[] Render(string name, params ParameterChange[] changes)
        {
            var result = OfflineRenderer.Render(new RenderOptions(bundle, 4, dir.File(name)) { Preset = folder, Tempo = 120, ParameterChanges = changes });
            Assert.Equal("", result.PresetNote);
            Assert.InRange(result.Peak, 0.01f, 0.977f);
            return Core.Audio.WavFile.Read(dir.File(name)).Channels[0];
        }
        var warm = Render("warm.wav");
        Assert.Equal(warm, Render("again.wav"));
        // 0.3 on the 0.1…2 range, from the first block; the last two seconds surely follow it.
        var cold = Render("cold.wav", new ParameterChange(temperature.Id, (0.3 - 0.1) / 1.9, 0.0));
        Assert.NotEqual(warm[(2 * 48000)..], cold[(2 * 48000)..]);
    }

    [Fact]
    public void The_music_does_not_depend_on_the_hosts_block_size()
    {
        // A DAW picks its own block size; the generated notes must land on the same samples whatever it is.
        using var dir = new TempFolder("euterpe-host-");
        byte[] Render(int block)
        {
            OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 6, dir.File($"b{block}.wav")) { Preset = ShippedPreset(), Tempo = 120, Block = block });
            return File.ReadAllBytes(dir.File($"b{block}.wav"));
        }
        var reference = Render(1024);
        Assert.Equal(reference, Render(480));
        Assert.Equal(reference, Render(64));
    }
}
