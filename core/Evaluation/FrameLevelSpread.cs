namespace Euterpe.Core.Evaluation;

/// <summary>
/// How much the loudness moves: the population standard deviation, in dB, of 20·log10(RMS) over the non-silent frames
/// (RMS at least <see cref="AudioSpectrogram.SilenceRms"/>, −60 dBFS) of an <see cref="AudioSpectrogram"/>: 64 ms
/// frames every 16 ms. A steady drone stays near 0; notes that start and decay spread it. NaN when every frame is silent.
/// </summary>
public static class FrameLevelSpread
{
    public static double StandardDeviationDb(AudioSpectrogram spectrogram)
    {
        var levels = new List<double>(spectrogram.FrameCount);
        for (var t = 0; t < spectrogram.FrameCount; t++)
            if (spectrogram.IsLoud(t)) levels.Add(20 * Math.Log10(spectrogram.Rms[t]));
        return SampleStatistics.StandardDeviation(levels);
    }
}
