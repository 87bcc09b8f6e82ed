using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The shipped piano-roll DCGAN in the instrument: the Roll Threshold parameter (the same seed plays the same clips,
/// and a higher threshold keeps fewer of their cells, so fewer notes sound, each inside a note a lower threshold plays),
/// and a jump to the middle of a bar, after which the clips start again on the next bar line.
/// </summary>
public class PianoRollPlayingTests
{
    private const double SampleRate = 48000;

    [Fact]
    public void A_higher_threshold_plays_fewer_notes_of_the_same_clips()
    {
        var preset = Render(100);
        var higher = Render(250);
        Assert.True(preset.Count > 50, $"only {preset.Count} notes in two clips");
        Assert.True(higher.Count > 0, "nothing above 2.5 times the preset's threshold");
        Assert.True(higher.Count < preset.Count / 2, $"{higher.Count} notes at 250 % against {preset.Count} at 100 %");
        // A run of cells above the higher threshold lies inside a run above the lower one: every note starts inside one.
        var runs = preset.Select(n => (n.Pitch, n.Sample, End: n.Sample + n.Length)).ToLookup(n => n.Pitch);
        Assert.All(higher, n => Assert.Contains(runs[n.Pitch], r => r.Sample <= n.Sample && n.Sample < r.End));
    }

    // Two 16-beat clips at 120 bpm: 16 s.
    private static List<(long Sample, short Pitch, float Velocity, long Length)> Render(double percent)
    {
        using var host = GenerationTests.Start(out var driver, seed: 3, id: TestPresets.ShippedDcganId, configure: d => d.Set(ParameterId.RollThreshold, percent));
        driver.Run(16);
        return HumanizeTests.Notes(driver);
    }

    [Fact]
    public void A_jump_into_a_bar_starts_the_clips_again_on_the_next_bar_line()
    {
        using var host = GenerationTests.Start(out var driver, seed: 3, id: TestPresets.ShippedDcganId);
        driver.Run(8);
        var fromStart = HumanizeTests.Notes(driver);
        Assert.True(fromStart.Count > 10, $"only {fromStart.Count} notes in 8 s");
        // Beat 13.5 at 120 bpm is in the fourth bar; the next bar line is beat 16.
        driver.SeekBeat(13.5);
        driver.ClearNotes();
        driver.Run(12);
        var bar = (long)Math.Round(16 * 60 / 120.0 * SampleRate);
        var replay = HumanizeTests.Notes(driver).Where(n => n.Sample < bar + 6 * SampleRate).ToList();
        var expected = fromStart.Where(n => n.Sample < 6 * SampleRate).ToList();
        Assert.Equal(expected.Select(n => (n.Sample + bar, n.Pitch)), replay.Select(n => (n.Sample, n.Pitch)));
    }
}
