using Euterpe.Core.Audio;
using Euterpe.Core.Midi;
using Euterpe.Core.Presets;

namespace Euterpe.Host.Tests;

[Collection(PluginInstanceCollection.Name)]
public class RenderTests
{
    private const int SampleRate = 48000;
    // The song starts on its first tick; placing it 0.61 s in (mid-block for 512-frame blocks) leaves silence to check.
    private const double Delay = 0.61;

    [Fact]
    public void Rendering_a_real_song_sounds_at_its_note_ons_and_is_silent_before_the_first()
    {
        using var dir = new TempFolder("euterpe-host-");
        // The song's pitched parts: its cymbals ring on the drum channel (DrumVoice) and their noise would mask the
        // attacks measured below; DrumChannelTests hear the drums.
        var pitched = MidiFileReader.Read(TestData.Song("5432gone_redfarn.mid"));
        pitched.Notes.RemoveAll(n => n.IsDrum);
        var song = dir.File("pitched.mid");
        MidiFileWriter.Write(pitched, song);
        var options = new RenderOptions(TestData.Bundle(), 8, dir.File("song.wav")) { Preset = "Off", MidiIn = song, MidiInDelay = Delay, MidiOut = dir.File("out.mid"), Tempo = 100, Block = 512 };
        var result = OfflineRenderer.Render(options);

        var audio = WavFile.Read(options.OutWav, out var format);
        Assert.Equal(WavSampleFormat.Float32, format);
        Assert.Equal(SampleRate, audio.SampleRate);
        Assert.Equal(2, audio.ChannelCount);
        Assert.Equal(8 * SampleRate, audio.Length);
        Assert.True(result.StateRoundTripIdentical);

        // Note-ons read independently of the host's scheduler: core's MIDI reader, seconds from the file's tempo map.
        var onsets = MidiFileReader.Read(song).Notes.Select(n => n.StartSeconds + Delay).Where(s => s < 7.5).Distinct().Order().ToArray();
        Assert.True(onsets.Length > 10, $"{song}: expected many notes in the first 7.5 s, found {onsets.Length}");
        var left = audio.Channels[0];

        var first = (int)Math.Round(onsets[0] * SampleRate);
        Assert.All(left.AsSpan(0, first).ToArray(), s => Assert.Equal(0f, s));
        var firstSound = Array.FindIndex(left, s => s != 0f);
        Assert.InRange(firstSound, first, first + SampleRate * 2 / 1000);

        // At the first notes that start clearly apart from the previous onset, high-frequency energy (RMS of the first
        // difference, which a new note's attack raises even over louder sustained notes) is higher in the 5 ms after the
        // note-on than in the 5 ms before. A note whose attack is masked by earlier attacks may miss; at most one of 12.
        var difference = new float[left.Length];
        for (var i = 1; i < left.Length; i++) difference[i] = left[i] - left[i - 1];
        var rises = new List<string>();
        var misses = new List<string>();
        for (var i = 1; i < onsets.Length && rises.Count + misses.Count < 12; i++)
        {
            if (onsets[i] - onsets[i - 1] < 0.03) continue;
            var at = (int)Math.Round(onsets[i] * SampleRate);
            var before = Rms(difference, at - 240, at);
            var after = Rms(difference, at, at + 240);
            (after > 1.2 * before ? rises : misses).Add($"{onsets[i]:0.000} s: {before:0.0000} -> {after:0.0000}");
        }
        Assert.True(rises.Count + misses.Count == 12, $"only {rises.Count + misses.Count} separated onsets in 7.5 s");
        Assert.True(misses.Count <= 1, $"no rise at: {string.Join("; ", misses)}");
        Assert.Equal(result.InputEvents, 2 * MidiFileReader.Read(song).Notes.Count);
    }

    [Fact]
    public void Output_midi_is_a_readable_file_at_the_render_tempo_with_the_plugins_generated_notes()
    {
        using var dir = new TempFolder("euterpe-host-");
        var options = new RenderOptions(TestData.Bundle(), 2, dir.File("a.wav"))
        {
            MidiIn = TestData.Song("busy_schedule.mid"), MidiOut = dir.File("gen.mid"), Tempo = 93, Format = WavSampleFormat.Pcm16,
        };
        var result = OfflineRenderer.Render(options);
        var generated = MidiFileReader.Read(options.MidiOut!);
        Assert.Equal(93, generated.TempoMap.Changes[0].Bpm, 0.01);
        // The plug-in has no model yet, so it generates nothing: the file says exactly what the event output bus carried.
        Assert.Equal(result.OutputNoteOns, generated.Notes.Count);
        WavFile.Read(options.OutWav, out var format);
        Assert.Equal(WavSampleFormat.Pcm16, format);
    }

    [Fact]
    public void A_sample_accurate_gain_change_lowers_the_output_from_its_sample_on()
    {
        var bundle = TestData.Bundle();
        var song = TestData.Song("5432gone_redfarn.mid");
        var gainId = HostInspector.Describe(bundle).Parameters.Single(p => p.Units == "dB").Id;
        using var dir = new TempFolder("euterpe-host-");
        var plain = OfflineRenderer.Render(new RenderOptions(bundle, 6, dir.File("plain.wav")) { Preset = "Off", MidiIn = song });
        var quiet = OfflineRenderer.Render(new RenderOptions(bundle, 6, dir.File("quiet.wav"))
        {
            Preset = "Off", MidiIn = song, ParameterChanges = [new ParameterChange(gainId, 0.0, 4.0)],
        });
        var a = WavFile.Read(dir.File("plain.wav")).Channels[0];
        var b = WavFile.Read(dir.File("quiet.wav")).Channels[0];
        var change = 4 * SampleRate;
        Assert.Equal(a.AsSpan(0, change).ToArray(), b.AsSpan(0, change).ToArray());
        Assert.True(Rms(b, change + 4800, 6 * SampleRate) < 0.1 * Rms(a, change + 4800, 6 * SampleRate));
        Assert.True(plain.Peak > 0 && quiet.Peak > 0);
    }

    [Fact]
    public void A_preset_is_chosen_by_name_on_the_model_list_and_an_unknown_name_is_one_clear_error()
    {
        using var dir = new TempFolder("euterpe-host-");
        var off = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 0.1, dir.File("off.wav")) { Preset = "Off" });
        Assert.Equal("", off.PresetNote);
        // A shipped preset's id (its folder name), as `generate` and the README name it, is accepted beside its display name.
        var byId = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 0.1, dir.File("id.wav")) { Preset = "event-rnn-openmsx" });
        Assert.Equal("", byId.PresetNote);
        var e = Assert.Throws<HostException>(() => OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 0.1, dir.File("p.wav")) { Preset = "no such folk preset" }));
        Assert.Equal("--preset", e.Step);
        Assert.Contains("lists no preset named \"no such folk preset\"", e.Problem);
        Assert.False(File.Exists(dir.File("p.wav")));
    }

    [Fact]
    public void A_class_is_chosen_by_name_and_an_unknown_class_is_one_clear_error()
    {
        using var dir = new TempFolder("euterpe-host-");
        var named = OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 0.1, dir.File("c.wav")) { ClassName = "Euterpe", Preset = "Off" });
        Assert.True(File.Exists(dir.File("c.wav")));
        var e = Assert.Throws<HostException>(() => OfflineRenderer.Render(new RenderOptions(TestData.Bundle(), 0.1, dir.File("x.wav")) { ClassName = "mda Piano" }));
        Assert.Equal("factory", e.Step);
        Assert.Contains("no Audio Module Class named mda Piano", e.Problem);
        Assert.False(File.Exists(dir.File("x.wav")));
        Assert.Equal("Euterpe", HostInspector.Describe(TestData.Bundle(), "Euterpe").Classes.First(c => c.Category == "Audio Module Class").Name);
    }

    private static double Rms(float[] samples, int from, int to)
    {
        from = Math.Max(0, from);
        double sum = 0;
        for (var i = from; i < to; i++) sum += samples[i] * (double)samples[i];
        return Math.Sqrt(sum / Math.Max(1, to - from));
    }
}
