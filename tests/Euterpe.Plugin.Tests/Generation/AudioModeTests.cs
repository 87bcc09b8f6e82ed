using System.Diagnostics;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// Audio mode in real-time processing: the shipped fft-lstm preset streams audio while the transport plays, nothing
/// while it is stopped, and the processing thread allocates nothing and triggers no GC over minutes of audio with
/// jumps, stops, seed and variation changes; the worker's steady state allocates nothing either.
/// </summary>
[Collection(nameof(AllocationTests))]
public class AudioModeTests
{
    private const int Block = 512;

    [Fact]
    public void AudioStreamsWhilePlayingStopsWhenStoppedAndAllocatesNothing()
    {
        using var host = new Hosting.InstrumentHost(48000, Block);
        var driver = new TransportDriver(host);
        driver.Set(ParameterId.Model, TestPresets.SlotOf(TestPresets.AudioId));
        driver.Block(64, pace: false);
        driver.WaitFor(GenerationState.Ready, "Playing FFT-LSTM");
        Assert.True(driver.Link.AudioMode);
        driver.Playing = true;

        // Warm-up: every path once.
        var (peak, silentBlocks) = Render(host, driver, 30 * 48000 / Block, 0);
        Assert.InRange(peak, 0.01f, 1f);
        driver.Playing = false;
        for (var i = 0; i < 20; i++) driver.Block(Block, pace: false);
        var stoppedPeak = 0f;
        for (var i = 0; i < Block; i++) stoppedPeak = Math.Max(stoppedPeak, Math.Abs(host.Left(i)));
        Assert.True(stoppedPeak < 1e-3, $"still {stoppedPeak} while stopped"); // the synth's release tail is all there may be
        driver.Playing = true;

        var workerBytes = driver.Link.WorkerSteadyAllocatedBytes;
        var workerPasses = driver.Link.WorkerSteadyPasses;
        var collections = Hosting.GcWindow.Start();
        silentBlocks = 0;
        peak = 0f;
        var rounds = ThreadAllocations.Measure(3, round =>
        {
            var (roundPeak, roundSilent) = Render(host, driver, 60 * 48000 / Block, 1 + round);
            peak = Math.Max(peak, roundPeak);
            silentBlocks += roundSilent;
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.Equal(collections, GC.CollectionCount(0));
        Assert.True(driver.Link.WorkerSteadyPasses - workerPasses > 100, $"only {driver.Link.WorkerSteadyPasses - workerPasses} worker passes measured");
        Assert.Equal(0, driver.Link.WorkerSteadyAllocatedBytes - workerBytes);
        Assert.InRange(peak, 0.01f, 1f);
        // A jump or a new seed restarts the stream; the block that asks for it may find the worker not yet started over
        // (real time cannot wait) and plays only the old stream's 5 ms fade-out: one such block per restart at most.
        Assert.True(silentBlocks <= 40, $"{silentBlocks} silent blocks while playing");
    }

    [Fact]
    public void A_broken_raw_audio_preset_reports_its_problem_in_one_line_stays_silent_and_a_good_one_recovers()
    {
        using var host = new Hosting.InstrumentHost(48000, Block);
        var driver = new TransportDriver(host);
        var controller = host.ConnectController();
        var status = InstrumentParameters.Find(ParameterId.Status)!;
        try
        {
            // Seen: ".../audio-bad-seed/seed.wav: truncated fmt chunk" and
            // ".../audio-wrong-model/manifest.json: io frameInput "frame" is not an input of .../model.onnx (its inputs: token, cond, h0, c0)".
            foreach (var (id, folder, problem) in new[]
                     {
                         (TestPresets.AudioBadSeedId, "audio-bad-seed", "seed.wav: truncated"),
                         (TestPresets.AudioWrongModelId, "audio-wrong-model", "manifest.json: io frameInput \"frame\" is not an input of"),
                     })
            {
                driver.Set(ParameterId.Model, TestPresets.SlotOf(id));
                driver.Block(64, pace: false);
                driver.WaitFor(GenerationState.Error, Path.DirectorySeparatorChar + folder + Path.DirectorySeparatorChar);
                var text = controller.ValueString(status, 0);
                Assert.True(text.Contains(problem, StringComparison.Ordinal), text);
                Assert.DoesNotContain('\n', text);
                driver.Playing = true;
                var peak = 0f;
                for (var block = 0; block < 40; block++)
                {
                    driver.Block(Block, pace: false);
                    for (var i = 0; i < Block; i++) peak = Math.Max(peak, Math.Abs(host.Left(i)));
                }
                Assert.Equal(0f, peak);
                Assert.Equal(GenerationState.Error, driver.ReportedStatus);
                driver.Playing = false;
            }

            driver.Set(ParameterId.Model, TestPresets.SlotOf(TestPresets.AudioId));
            driver.Block(64, pace: false);
            driver.WaitFor(GenerationState.Ready, "Playing FFT-LSTM");
            driver.Playing = true;
            var (recovered, _) = Render(host, driver, 2 * 48000 / Block, 0);
            Assert.InRange(recovered, 0.01f, 1f);
            Assert.StartsWith("Playing", controller.ValueString(status, 0));
        }
        finally
        {
            host.DisconnectController(controller);
        }
    }

    /// <summary>Plays blocks, waiting (outside process) until the worker has each block's audio, as a host's pre-roll would.</summary>
    private static (float Peak, int SilentBlocks) Render(Hosting.InstrumentHost host, TransportDriver driver, int blocks, int round)
    {
        var peak = 0f;
        var silent = 0;
        for (var block = 0; block < blocks; block++)
        {
            if (block > 0 && block % (40 * 48000 / Block) == 0) driver.SeekBeat(driver.Beat - 16);
            if (block % 937 == 0)
            {
                driver.Set(ParameterId.Variation, (block / 937 + round) % 5 * 25);
                driver.Set(ParameterId.Seed, block / 937 % 3);
            }
            var start = Stopwatch.GetTimestamp();
            while ((driver.Link.AudioEpoch != driver.Link.Epoch || driver.Link.Audio.Count < Block) && Stopwatch.GetElapsedTime(start).TotalSeconds < 10) Thread.Yield();
            driver.Block(Block, pace: false);
            var blockPeak = 0f;
            for (var i = 0; i < Block; i++) blockPeak = Math.Max(blockPeak, Math.Abs(host.Left(i)));
            if (blockPeak == 0) silent++;
            peak = Math.Max(peak, blockPeak);
        }
        return (peak, silent);
    }
}
