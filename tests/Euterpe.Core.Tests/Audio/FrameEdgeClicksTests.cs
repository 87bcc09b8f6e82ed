using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class FrameEdgeClicksTests
{
    [Fact]
    public void SawtoothRestartingEveryFrameHasHandComputedClickEnergy()
    {
        // 0 1 2 3 | 0 1 2 3 | 0 1: interior steps are 1, the two boundary steps are −3.
        float[] signal = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1];
        var clicks = FrameEdgeClicks.Measure(signal, 4);
        Assert.Equal(2, clicks.BoundaryCount);
        Assert.Equal(18, clicks.BoundaryEnergy, 12);
        Assert.Equal(1, clicks.InteriorMeanSquare, 12);
        Assert.Equal(18, clicks.RelativeBoundaryEnergy, 12);
        Assert.Equal(9, clicks.Ratio, 12);
    }

    [Fact]
    public void ContinuousSineHasNoClicksButPhaseResetsDo()
    {
        var sine = SignalMath.Sine(16_000, 440, 16_000);
        var smooth = FrameEdgeClicks.Measure(sine, 1024);
        Assert.InRange(smooth.Ratio, 0.7, 1.3);

        // Each frame restarts the sine at phase zero, as independently generated frames would.
        var restarted = new float[sine.Length];
        for (var i = 0; i < restarted.Length; i++)
        {
            restarted[i] = sine[i % 1024];
        }

        Assert.True(FrameEdgeClicks.Measure(restarted, 1024).Ratio > 10);
    }

    [Fact]
    public void PerturbedGruvFramesClickMoreThanPerturbedStftFrames()
    {
        // The same small error on every frame's low bins, as a model's prediction error would add.
        var signal = SignalMath.Sine(32_000, 220, 16_000, amplitude: 0.3);
        var gruv = new GruvFrameCodec(1024);
        var stft = new StftFrameCodec(1024, 256);
        var random = new Random(1);
        float[] Perturbed(AudioFrameCodec codec)
        {
            var frames = codec.Encode(signal);
            foreach (var frame in frames)
            {
                for (var k = 1; k < 8; k++)
                {
                    frame[k] += (float)(random.NextDouble() - 0.5) * 100;
                }
            }

            return codec.Decode(frames, signal.Length);
        }

        var gruvClicks = FrameEdgeClicks.Measure(Perturbed(gruv), 1024).Ratio;
        var stftClicks = FrameEdgeClicks.Measure(Perturbed(stft), 1024).Ratio;
        Assert.True(gruvClicks > 5 * stftClicks, $"GRUV {gruvClicks:F2} vs STFT {stftClicks:F2}");
    }
}
