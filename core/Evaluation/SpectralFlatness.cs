namespace Euterpe.Core.Evaluation;

/// <summary>
/// How noise-like a sound is: for each non-silent frame of an <see cref="AudioSpectrogram"/>, the geometric mean of
/// its power spectrum over the arithmetic mean, over the bins from 0 Hz to <see cref="TopHz"/> (each bin's power
/// floored at <see cref="PowerFloor"/> so a digital zero does not make the logarithm −∞); the mean over those frames.
/// The band stops below 8 kHz because every resampler to 16 kHz (sox's, ours, a 48 kHz render's round trip) rolls off
/// there by its own amount, and the near-empty bins would weigh on the geometric mean more than the sound does. 1 for white noise in the limit (about 0.56 for one
/// Hann-windowed noise frame, whose bin powers are exponentially distributed), near 0 for a few tones. NaN when every
/// frame is silent.
/// </summary>
public static class SpectralFlatness
{
    public const double PowerFloor = 1e-20;

    /// <summary>The highest frequency counted: bins k with k·16000/1024 ≤ 7000 Hz (0…448).</summary>
    public const double TopHz = 7000;

    public static int TopBin => (int)(TopHz * AudioSpectrogram.FrameLength / AudioSpectrogram.SampleRate);

    public static double Mean(AudioSpectrogram spectrogram)
    {
        var sum = 0.0;
        var frames = 0;
        for (var t = 0; t < spectrogram.FrameCount; t++)
        {
            if (!spectrogram.IsLoud(t)) continue;
            double logs = 0, total = 0;
            var bins = TopBin + 1;
            foreach (var p in spectrogram.Power[t].AsSpan(0, bins))
            {
                var v = Math.Max(p, PowerFloor);
                logs += Math.Log(v);
                total += v;
            }
            sum += Math.Exp(logs / bins) / (total / bins);
            frames++;
        }
        return frames == 0 ? double.NaN : sum / frames;
    }
}
