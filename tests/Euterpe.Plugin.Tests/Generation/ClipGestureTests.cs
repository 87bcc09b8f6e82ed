using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// "Capture Clip" writes a file only for a user's press while the host plays: Steinberg's validator sweeping every
/// parameter through process() (transport stopped, or no transport at all) once left seven clips in ~/Music.
/// </summary>
[Collection(nameof(AllocationTests))]
public class ClipGestureTests
{
    [Fact]
    public void A_parameter_sweep_without_a_playing_transport_captures_nothing_and_a_press_while_playing_does()
    {
        using var temp = new TempFolder("euterpe-clips-");
        var clips = temp.Path("clips");
        Environment.SetEnvironmentVariable(ClipRecorder.EnvironmentVariable, clips);
        try
        {
            using var host = GenerationTests.Start(out var driver, tempo: 120, seed: 5);
            driver.Run(3);
            Assert.True(driver.TotalNoteOns > 0, "the model played nothing to capture");
            var requests = driver.Link.CaptureRequests;

            // The validator's sweep: the trigger rises and falls in blocks of a stopped transport, then with no ProcessContext.
            driver.Playing = false;
            for (var i = 0; i < 4; i++)
            {
                driver.Set(ParameterId.CaptureClip, 1);
                driver.Block(512, pace: false);
                driver.Set(ParameterId.CaptureClip, 0);
                driver.Block(512, pace: false);
            }
            host.SendContext = false;
            driver.Set(ParameterId.CaptureClip, 1);
            driver.Block(512, pace: false);
            driver.Set(ParameterId.CaptureClip, 0);
            driver.Block(512, pace: false);
            host.SendContext = true;
            Assert.Equal(requests, driver.Link.CaptureRequests);

            // A press while the song plays is a capture: one file.
            driver.Playing = true;
            driver.Run(3);
            driver.Set(ParameterId.CaptureClip, 1);
            driver.Block(512, pace: false);
            Assert.Equal(requests + 1, driver.Link.CaptureRequests);
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            while (driver.Link.LastClip is null)
            {
                Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds < 30, "no clip written");
                Thread.Sleep(5);
            }
            Assert.Equal([driver.Link.LastClip], Directory.GetFiles(clips, "*.mid"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClipRecorder.EnvironmentVariable, null);
        }
    }
}
