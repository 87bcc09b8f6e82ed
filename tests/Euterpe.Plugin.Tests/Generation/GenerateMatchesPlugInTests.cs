using Euterpe.Core.Families;
using Euterpe.Core.Generation;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// `euterpe generate` and the instrument step one generator per family: for the same preset, seed and controls
/// (here the defaults: temperature 1, every token allowed, the conditioning's default: for a conditional event RNN the
/// corpus mean its controls start from) they make the same notes, each on the same MIDI channel (the multi-track GAN's
/// families on theirs, the other families on channel 1).
/// In the allocation collection: hosts here run worker threads.
/// </summary>
[Collection(nameof(AllocationTests))]
public class GenerateMatchesPlugInTests
{
    private const double SampleRate = 48000;

    [Theory]
    [InlineData(TestPresets.GoodId, 11UL)] // performance events, seconds
    [InlineData(TestPresets.NGramId, 3UL)] // melody tokens, beats
    // Long enough for the n-gram to replay earlier bars (its phrases are 8 s at 120 bpm): the replays match too.
    [InlineData(TestPresets.NGramId, 4UL, 40.0)]
    // The shipped conditional model: the instrument used to fill its 14 features with the first slider's value (0.649)
    // where generate feeds the corpus mean, so its notes drifted to E-flat/A-flat.
    [InlineData(TestPresets.ShippedEventRnnId, 5UL)]
    // ABC characters, beats: a note is played once the character after its length is sampled.
    [InlineData(TestPresets.ShippedCharRnnId, 7UL)]
    // The same from 64-character segments, each started from seeded noise.
    [InlineData(TestPresets.ShippedAbcWganId, 2UL)]
    // Melody tokens with fresh noise drawn from the seed at every step.
    [InlineData(TestPresets.ShippedRnnGanId, 3UL)]
    // Melody tokens drawn from a start symbol, segment after segment.
    [InlineData(TestPresets.ShippedSeqGanId, 4UL)]
    [InlineData(TestPresets.ShippedSeqAeId, 4UL)] // a walk through binary codes with the theme policy, drawn from the seed
    [InlineData(TestPresets.ShippedDcganId, 6UL, 12.0)] // whole 16-beat clips (8 s at 120 bpm), the second one's start included
    [InlineData(TestPresets.ShippedDcrnnId, 6UL, 12.0)] // 16-beat clips from seeded z, uniform histogram (Scale Chromatic)
    // 17-track clips: each family's notes on its own channel (drums on 10), the second clip's start included.
    [InlineData(TestPresets.ShippedWganGpId, 3UL, 12.0)]
    public void Generate_and_the_plug_in_make_the_same_notes_for_a_preset_and_seed(string id, ulong seed, double seconds = 8)
    {
        double Seconds = seconds, Compared = seconds - 2;
        var slot = TestPresets.SlotOf(id);
        var folder = PresetCatalog.Shared.AtSlot(slot)!.Path;
        var (preset, family) = ModelFamilies.Open(folder);
        var generated = family.GenerateNotes(preset, new GenerationRequest { Seconds = Seconds, Seed = seed });
        var expected = generated.Notes.Where(n => n.EndSeconds < Compared).OrderBy(n => n.StartSeconds).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ToList();
        Assert.True(expected.Count >= 5, $"{id} made only {expected.Count} notes in {Compared} s");

        using var host = GenerationTests.Start(out var driver, 120, seed, id);
        driver.Run(Seconds);
        var played = new List<(int Channel, int Pitch, long Start, long End, float Velocity)>();
        var starts = new Dictionary<(int, int), (long Sample, float Velocity)>();
        foreach (var n in driver.Notes)
        {
            if (n.IsNoteOn) starts[(n.Channel, n.Pitch)] = (n.Sample, n.Velocity);
            else if (starts.Remove((n.Channel, n.Pitch), out var on)) played.Add((n.Channel, n.Pitch, on.Sample, n.Sample, on.Velocity));
        }
        // The decoder's zero-length notes (a NOTE_ON and its NOTE_OFF with no time between) go out on the bus as an on and
        // an off at one sample; a MIDI file from `generate` leaves them out, as they sound nothing.
        var actual = played.Where(n => n.End > n.Start && n.End < Compared * SampleRate).OrderBy(n => n.Start).ThenBy(n => n.Channel).ThenBy(n => n.Pitch).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Channel, e.Pitch), (a.Channel, a.Pitch));
            // The instrument places a note on its nearest sample.
            Assert.InRange(a.Start, Math.Round(e.StartSeconds * SampleRate) - 1, Math.Round(e.StartSeconds * SampleRate) + 1);
            Assert.InRange(a.End, Math.Round(e.EndSeconds * SampleRate) - 1, Math.Round(e.EndSeconds * SampleRate) + 1);
            Assert.Equal(e.Velocity / 127f, a.Velocity, 5);
        }
    }
}
