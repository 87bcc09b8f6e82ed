using Euterpe.Core.Generation;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// Ten minutes of music at 48 kHz in 512-sample blocks, rendered as fast as the generator keeps up, with loops,
/// knob moves and notes played in (follow input on), with Humanize off and on: the processing thread allocates nothing, no GC runs, and
/// the worker's own counter of steady-state allocation stays at zero.
/// </summary>
[Collection(nameof(AllocationTests))]
public class GenerationAllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the refine nets on every generated note
    [InlineData(false, TestPresets.ShippedWganGpId)] // 17-track clips, each family on its channel, drums voiced as drum hits
    public void TenMinutesOfGenerationAllocateNothingOnEitherThread(bool humanize, string id = TestPresets.GoodId)
    {
        using var host = GenerationTests.Start(out var driver, seed: 21, id: id);
        driver.Set(ParameterId.FollowInput, 1);
        driver.Set(ParameterId.Humanize, humanize ? 1 : 0);
        // Warm-up: every path once (loop back, knobs, scales, played notes, stop and start).
        Render(host, driver, 20 * 48000 / 512, 0);
        var workerBytes = driver.Link.WorkerSteadyAllocatedBytes;
        var workerPasses = driver.Link.WorkerSteadyPasses;
        var notesBefore = driver.TotalNoteOns;
        var collections = Hosting.GcWindow.Start();
        var rounds = ThreadAllocations.Measure(4, round => Render(host, driver, 150 * 48000 / 512, 1 + round));
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.Equal(collections, GC.CollectionCount(0));
        Assert.True(driver.Link.WorkerSteadyPasses - workerPasses > 1000, $"only {driver.Link.WorkerSteadyPasses - workerPasses} worker passes measured");
        Assert.Equal(0, driver.Link.WorkerSteadyAllocatedBytes - workerBytes);
        Assert.True(driver.TotalNoteOns - notesBefore > 100, $"only {driver.TotalNoteOns - notesBefore} notes in ten minutes");
        Assert.Equal(GenerationState.Ready, driver.Link.State);
    }

    private static void Render(Hosting.InstrumentHost host, TransportDriver driver, int blocks, int round)
    {
        for (var block = 0; block < blocks; block++)
        {
            var second = block * 512 / 48000;
            if (block % 2000 == 0) driver.ClearNotes();
            // Loop back every 45 s of music, a stop and a start every 100 s.
            if (block > 0 && block % (45 * 48000 / 512) == 0) driver.SeekBeat(driver.Beat - 16);
            if (block % (100 * 48000 / 512) == 50) driver.Playing = false;
            if (block % (100 * 48000 / 512) == 60) driver.Playing = true;
            if (block % 937 == 0)
            {
                driver.Set(ParameterId.Temperature, 0.6 + (second + round) % 10 * 0.1);
                driver.Set(ParameterId.Scale, (second / 10) % MusicalScale.Names.Length);
                driver.Set(ParameterId.Key, second % 12);
                driver.Set(ParameterId.Density, 50 + second % 50);
                driver.Set(ParameterId.Register, second % 3 - 1);
                driver.Set(ParameterId.Condition1, second % 7 / 7.0);
            }
            if (block % 40 == 0) host.InputEvents.Add(Vst3Event.NoteOnAt(block % 512, (short)(60 + block % 12), 0.8f));
            if (block % 40 == 20) host.InputEvents.Add(Vst3Event.NoteOffAt(block % 512, (short)(60 + (block - 20) % 12)));
            driver.Block(512);
        }
    }
}
