using System.Text.Json;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The shipped multi-track WGAN-GP in the instrument: its notes leave on the channels its manifest gives the families
/// (drums on channel 10) and the built-in synth voices the drum channel as drum hits; Register moves the pitched tracks
/// by octaves and leaves the drum keys where they are (a key names a drum, not a pitch).
/// </summary>
public class MultiTrackPlayingTests
{
    private const double SampleRate = 48000;

    // Two 16-beat clips at 120 bpm: 16 s.
    private static List<(long Sample, short Channel, short Pitch, long Length)> Render(int register = 0, Action<ElectricPianoSynth>? during = null)
    {
        using var host = GenerationTests.Start(out var driver, seed: 3, id: TestPresets.ShippedWganGpId, configure: d => d.Set(ParameterId.Register, register));
        var synth = Vst3.ComObject.From<Instrument.Euterpe>(host.Component).Synth;
        for (var block = 0; block < 16 * SampleRate / 512; block++)
        {
            driver.Block(512);
            during?.Invoke(synth);
        }
        var notes = new List<(long Sample, short Channel, short Pitch, long Length)>();
        var open = new Dictionary<(short, short), long>();
        foreach (var n in driver.Notes)
        {
            if (n.IsNoteOn) open[(n.Channel, n.Pitch)] = n.Sample;
            else if (open.Remove((n.Channel, n.Pitch), out var on)) notes.Add((on, n.Channel, n.Pitch, n.Sample - on));
        }
        return [.. notes.OrderBy(n => n.Sample).ThenBy(n => n.Channel).ThenBy(n => n.Pitch)];
    }

    [Fact]
    public void Each_family_plays_on_its_channel_and_the_drums_as_drum_hits()
    {
        var folder = PresetCatalog.Shared.AtSlot(TestPresets.SlotOf(TestPresets.ShippedWganGpId))!.Path;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var channels = manifest.RootElement.GetProperty("pianoRoll").GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("channel").GetInt32()).ToHashSet();
        var drumHits = 0;
        var notes = Render(during: synth => drumHits = Math.Max(drumHits, synth.ActiveDrums));
        Assert.All(notes, n => Assert.Contains((int)n.Channel, channels));
        var playing = notes.Select(n => n.Channel).Distinct().Order().ToList();
        Assert.True(playing.Count >= 2 && playing.Contains(9), $"channels playing: {string.Join(", ", playing)}");
        Assert.True(drumHits > 0, "no drum hit rang");
    }

    [Fact]
    public void Register_moves_the_pitched_tracks_and_leaves_the_drum_keys()
    {
        var plain = Render();
        var up = Render(register: 1);
        static bool Drum((long, short Channel, short, long) n) => n.Channel == 9;
        Assert.Equal(plain.Where(Drum), up.Where(Drum));
        // Pitched notes an octave up; those from 115 up all land on 127 (clamped), so they are left out on both sides.
        Assert.Equal(plain.Where(n => !Drum(n) && n.Pitch < 115).Select(n => (n.Sample, n.Channel, (short)(n.Pitch + 12), n.Length)),
            up.Where(n => !Drum(n) && n.Pitch < 127));
        Assert.Contains(plain, n => !Drum(n));
    }
}
