using Euterpe.Core.Audio;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Whether audio sounds like music rather than a drone or noise (issue 14), measured on its mono mix at 16 kHz
/// (resampled with <see cref="SincResampler"/> when it is at another rate) through one <see cref="AudioSpectrogram"/>:
/// <see cref="Evaluation.SpectralFlatness"/>, <see cref="FrameLevelSpread"/> and <see cref="OnsetRate"/>.
/// </summary>
/// <param name="Seconds">Duration.</param>
/// <param name="SpectralFlatness">Mean spectral flatness of the non-silent frames (NaN when all are silent).</param>
/// <param name="FrameRmsSpreadDb">Standard deviation of the non-silent frames' levels in dB (NaN when all are silent).</param>
/// <param name="OnsetsPerSecond">Spectral-flux onsets per second.</param>
/// <param name="LoudFrameShare">Share of frames above the silence floor (0 for an empty signal).</param>
public sealed record AudioMetrics(double Seconds, double SpectralFlatness, double FrameRmsSpreadDb, double OnsetsPerSecond, double LoudFrameShare)
{
    public static AudioMetrics Measure(AudioBuffer audio)
    {
        var mono = AudioMix.ToMono(audio.Channels);
        if (audio.SampleRate != AudioSpectrogram.SampleRate) mono = Resample(mono, audio.SampleRate);
        return Measure(mono);
    }

    /// <summary>Measures mono samples already at <see cref="AudioSpectrogram.SampleRate"/>.</summary>
    public static AudioMetrics Measure(ReadOnlySpan<float> mono16k)
    {
        var s = AudioSpectrogram.Compute(mono16k);
        var loud = 0;
        for (var t = 0; t < s.FrameCount; t++) if (s.IsLoud(t)) loud++;
        return new AudioMetrics(s.Seconds, Evaluation.SpectralFlatness.Mean(s), FrameLevelSpread.StandardDeviationDb(s), OnsetRate.PerSecond(s),
            s.FrameCount == 0 ? 0 : (double)loud / s.FrameCount);
    }

    private static float[] Resample(float[] mono, int rate)
    {
        var resampler = new SincResampler(rate, AudioSpectrogram.SampleRate);
        var output = new float[resampler.MaxOutputLength(mono.Length) + resampler.MaxOutputLength(0)];
        var n = resampler.Process(mono, output);
        n += resampler.Flush(output.AsSpan(n));
        return output[..n];
    }
}
