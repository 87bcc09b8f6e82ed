using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The shipped conditional event RNN held to a density (<see cref="EventRnnGenerator.HoldDensity"/>): its steps still
/// allocate nothing (the plug-in steps the same generator on its worker), and the controller holds the rate.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class DensityHoldAllocationTests
{
    [Fact]
    public void Held_steps_allocate_nothing_and_hold_the_rate()
    {
        using var generator = (EventRnnGenerator)EventRnnFamily.Instance.OpenNotes(Preset.Open(RepositoryRoot.Combine("presets", PresetCopy.EventRnn)));
        generator.HoldDensity(4);
        generator.Reset(5);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var onsets = 0;
        for (var i = 0; i < 500; i++) generator.Step(events); // JIT, tiering, the controller settling
        var from = generator.Time;

        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                var n = generator.Step(events);
                for (var k = 0; k < n; k++) if (events[k].IsNoteOn) onsets++;
            }
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        var rate = onsets / (generator.Time - from);
        Assert.InRange(rate, 3, 5); // 4 notes per second ±25 %
    }
}
