namespace Euterpe.Core.Evaluation;

/// <summary>
/// How noise-like a sound is: for each non-silent frame of an <see cref="AudioSpectrogram"/>, the geometric mean of
/// its power spectrum over the arithmetic mean (each bin's power floored at <see cref="PowerFloor"/> so a digital zero
/// does not make the logarithm −∞); the mean over those frames. 1 for white noise in the limit (about 0.56 for one
/// Hann-windowed noise frame, whose bin powers are exponentially distributed), near 0 for a few tones. NaN when every
/// frame is silent.
/// </summary>
public static class SpectralFlatness
{
    public const double PowerFloor = 1e-20;

    public static double Mean(AudioSpectrogram spectrogram)
    {
        var sum = 0.0;
        var frames = 0;
        for (var t = 0; t < spectrogram.FrameCount; t++)
        {
            if (!spectrogram.IsLoud(t)) continue;
            double logs = 0, total = 0;
            foreach (var p in spectrogram.Power[t])
            {
                var v = Math.Max(p, PowerFloor);
                logs += Math.Log(v);
                total += v;
            }
            var bins = spectrogram.Power[t].Length;
            sum += Math.Exp(logs / bins) / (total / bins);
            frames++;
        }
        return frames == 0 ? double.NaN : sum / frames;
    }
}
