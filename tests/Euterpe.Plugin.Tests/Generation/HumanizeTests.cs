using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The Humanize switch with the shipped refine nets: the Model list leaves them out and the catalog hands them to
/// Humanize; with it on, the n-gram preset plays the same notes at the same samples (the instrument stays on the host's
/// beat) with lengths and velocities the nets give them.
/// </summary>
public class HumanizeTests
{
    private const double SampleRate = 48000;

    [Fact]
    public void The_refine_nets_are_found_for_humanize_and_left_out_of_the_model_list()
    {
        TestPresets.SlotOf(TestPresets.GoodId); // builds the test presets folder and rescans
        var catalog = PresetCatalog.Shared;
        Assert.DoesNotContain(catalog.Entries, e => e.Id is TestPresets.RefineDurationId or TestPresets.RefineVelocityId);
        Assert.DoesNotContain(catalog.Entries, e => e.Path.EndsWith(TestPresets.RefineDurationId, StringComparison.Ordinal));
        Assert.EndsWith(TestPresets.RefineDurationId, catalog.DurationNet);
        Assert.EndsWith(TestPresets.RefineVelocityId, catalog.VelocityNet);
    }

    [Fact]
    public void Humanize_keeps_onsets_and_pitches_and_reshapes_lengths_and_velocities()
    {
        var plain = Render(humanize: false);
        var humanized = Render(humanize: true);
        Assert.True(plain.Count >= 20, $"only {plain.Count} notes in 8 s");
        Assert.Equal(plain.Select(n => (n.Sample, n.Pitch)), humanized.Select(n => (n.Sample, n.Pitch)));
        var lengths = plain.Zip(humanized).Count(p => p.First.Length != p.Second.Length);
        var velocities = plain.Zip(humanized).Count(p => p.First.Velocity != p.Second.Velocity);
        Assert.True(lengths > plain.Count / 2, $"{lengths} of {plain.Count} lengths changed");
        Assert.True(velocities > plain.Count / 2, $"{velocities} of {plain.Count} velocities changed");
    }

    // The n-gram's notes of the first 8 s that end before 9 s, with their lengths in samples.
    private static List<(long Sample, short Pitch, float Velocity, long Length)> Render(bool humanize)
    {
        using var host = GenerationTests.Start(out var driver, seed: 6, id: TestPresets.NGramId, configure: d => d.Set(ParameterId.Humanize, humanize ? 1 : 0));
        driver.Run(10);
        return [.. Notes(driver).Where(n => n.Sample < 8 * SampleRate && n.Sample + n.Length < 9 * SampleRate)];
    }

    /// <summary>The notes the driver heard, note-ons paired with their note-offs, in time (then pitch) order.</summary>
    internal static List<(long Sample, short Pitch, float Velocity, long Length)> Notes(TransportDriver driver)
    {
        var notes = new List<(long Sample, short Pitch, float Velocity, long Length)>();
        var open = new Dictionary<short, (long Sample, float Velocity)>();
        foreach (var n in driver.Notes)
        {
            if (n.IsNoteOn) open[n.Pitch] = (n.Sample, n.Velocity);
            else if (open.Remove(n.Pitch, out var on)) notes.Add((on.Sample, n.Pitch, on.Velocity, n.Sample - on.Sample));
        }
        return [.. notes.OrderBy(n => n.Sample).ThenBy(n => n.Pitch)];
    }
}
