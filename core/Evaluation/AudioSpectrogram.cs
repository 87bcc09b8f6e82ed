using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// The framing the audio metrics share: mono audio at <see cref="SampleRate"/> cut into whole frames of
/// <see cref="FrameLength"/> samples every <see cref="HopLength"/> samples from sample 0 (no padding; a tail shorter
/// than a frame is not framed), each frame's RMS (of its raw samples) and the power spectrum |X_k|² (k = 0…N/2) of
/// the frame times a periodic Hann window (0.5 − 0.5·cos(2πn/N)), unscaled forward FFT.
/// </summary>
public sealed class AudioSpectrogram
{
    public const int SampleRate = 16000;
    public const int FrameLength = 1024;
    public const int HopLength = 256;

    /// <summary>Frames whose RMS is below this (−60 dBFS) are silence: they count for neither flatness nor level spread.</summary>
    public const double SilenceRms = 1e-3;

    private AudioSpectrogram(double[][] power, double[] rms, int sampleCount)
    {
        Power = power;
        Rms = rms;
        SampleCount = sampleCount;
    }

    /// <summary>Power spectra, one per frame, N/2 + 1 bins each.</summary>
    public double[][] Power { get; }

    /// <summary>RMS of each frame's raw samples.</summary>
    public double[] Rms { get; }

    /// <summary>Samples of the signal (including an unframed tail).</summary>
    public int SampleCount { get; }

    public int FrameCount => Rms.Length;

    public double Seconds => (double)SampleCount / SampleRate;

    public bool IsLoud(int frame) => Rms[frame] >= SilenceRms;

    /// <summary>Frames a mono signal already at <see cref="SampleRate"/>.</summary>
    public static AudioSpectrogram Compute(ReadOnlySpan<float> signal)
    {
        var count = signal.Length >= FrameLength ? (signal.Length - FrameLength) / HopLength + 1 : 0;
        var window = new double[FrameLength];
        for (var n = 0; n < FrameLength; n++) window[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / FrameLength);
        var spectrum = new Complex[FrameLength];
        var power = new double[count][];
        var rms = new double[count];
        for (var t = 0; t < count; t++)
        {
            var frame = signal.Slice(t * HopLength, FrameLength);
            var squares = 0.0;
            for (var n = 0; n < FrameLength; n++)
            {
                squares += (double)frame[n] * frame[n];
                spectrum[n] = new Complex(frame[n] * window[n], 0);
            }
            rms[t] = Math.Sqrt(squares / FrameLength);
            Fourier.Forward(spectrum, FourierOptions.Matlab);
            var p = power[t] = new double[FrameLength / 2 + 1];
            for (var k = 0; k < p.Length; k++) p[k] = spectrum[k].Real * spectrum[k].Real + spectrum[k].Imaginary * spectrum[k].Imaginary;
        }
        return new AudioSpectrogram(power, rms, signal.Length);
    }
}
