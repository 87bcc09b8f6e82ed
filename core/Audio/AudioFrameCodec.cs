using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Euterpe.Core.Audio;

/// <summary>
/// Turns audio into fixed-size float frames of spectra and back (the representation audio models predict).
/// A frame covers <see cref="FrameLength"/> samples, consecutive frames start <see cref="HopLength"/> apart.
/// Encoding multiplies by the analysis window and takes the FFT (MathNet, <see cref="FourierOptions.Matlab"/>:
/// forward unscaled, inverse scaled by 1/N); a frame holds all real parts, then all imaginary parts, of the
/// kept bins. Decoding inverts the FFT, keeps the real part, multiplies by the synthesis window and overlap-adds.
/// Whole signals are padded with <see cref="LatencySamples"/> zeros in front so that every sample is covered by
/// the same number of frames. Instances keep scratch buffers: one per thread.
/// </summary>
public abstract class AudioFrameCodec
{
    private readonly Complex[] _spectrum;

    protected AudioFrameCodec(int frameLength, int hopLength, bool halfSpectrum, double[] analysisWindow, double[] synthesisWindow)
    {
        FrameLength = frameLength;
        HopLength = hopLength;
        HalfSpectrum = halfSpectrum;
        Bins = halfSpectrum ? frameLength / 2 + 1 : frameLength;
        AnalysisWindow = analysisWindow;
        SynthesisWindow = synthesisWindow;
        _spectrum = new Complex[frameLength];
    }

    /// <summary>Samples per frame.</summary>
    public int FrameLength { get; }

    /// <summary>Samples between the starts of consecutive frames (and emitted per frame when streaming).</summary>
    public int HopLength { get; }

    /// <summary>Complex bins kept per frame.</summary>
    public int Bins { get; }

    /// <summary>Floats per encoded frame: the real parts of the kept bins, then their imaginary parts.</summary>
    public int FrameSize => 2 * Bins;

    /// <summary>Zeros put before a signal when framing it (FrameLength − HopLength); a streaming decoder's output is delayed by this much.</summary>
    public int LatencySamples => FrameLength - HopLength;

    /// <summary>True when only bins 0..N/2 are kept (the rest follow by Hermitian symmetry of a real signal's FFT).</summary>
    internal bool HalfSpectrum { get; }

    internal double[] AnalysisWindow { get; }

    internal double[] SynthesisWindow { get; }

    /// <summary>Frames needed for a signal of <paramref name="length"/> samples.</summary>
    public int FrameCount(int length) => length <= 0 ? 0 : (LatencySamples + length - 1) / HopLength + 1;

    /// <summary>Encodes <see cref="FrameLength"/> samples (fewer are zero-padded) into one frame of <see cref="FrameSize"/> floats.</summary>
    public void EncodeFrame(ReadOnlySpan<float> samples, Span<float> frame)
    {
        CheckLength(frame, FrameSize, nameof(frame));
        var n = Math.Min(samples.Length, FrameLength);
        for (var i = 0; i < FrameLength; i++)
        {
            _spectrum[i] = new Complex(i < n ? samples[i] * AnalysisWindow[i] : 0, 0);
        }

        Fourier.Forward(_spectrum, FourierOptions.Matlab);
        for (var k = 0; k < Bins; k++)
        {
            frame[k] = (float)_spectrum[k].Real;
            frame[Bins + k] = (float)_spectrum[k].Imaginary;
        }
    }

    /// <summary>
    /// Decodes one frame into <see cref="FrameLength"/> samples: the real part of the inverse FFT, multiplied by
    /// the synthesis window (overlap-add these, <see cref="HopLength"/> apart, to rebuild the signal).
    /// </summary>
    public void DecodeFrame(ReadOnlySpan<float> frame, Span<float> samples)
    {
        CheckLength(frame, FrameSize, nameof(frame));
        CheckLength(samples, FrameLength, nameof(samples));
        LoadSpectrum(frame, _spectrum);
        Fourier.Inverse(_spectrum, FourierOptions.Matlab);
        for (var i = 0; i < FrameLength; i++)
        {
            samples[i] = (float)(_spectrum[i].Real * SynthesisWindow[i]);
        }
    }

    /// <summary>Frames a whole signal: <see cref="FrameCount"/> frames, after <see cref="LatencySamples"/> leading zeros.</summary>
    public float[][] Encode(ReadOnlySpan<float> signal)
    {
        var count = FrameCount(signal.Length);
        var frames = new float[count][];
        var window = new float[FrameLength];
        for (var f = 0; f < count; f++)
        {
            // Padded index p maps to signal index p - LatencySamples.
            var start = f * HopLength - LatencySamples;
            Array.Clear(window);
            var from = Math.Max(0, start);
            var to = Math.Min(signal.Length, start + FrameLength);
            if (to > from)
            {
                signal[from..to].CopyTo(window.AsSpan(from - start));
            }

            frames[f] = new float[FrameSize];
            EncodeFrame(window, frames[f]);
        }

        return frames;
    }

    /// <summary>
    /// Frames a whole signal into one contiguous array, frame after frame (shape [FrameCount, FrameSize],
    /// row-major, as a model's tensor holds it).
    /// </summary>
    public float[] EncodeFlat(ReadOnlySpan<float> signal)
    {
        var frames = Encode(signal);
        var flat = new float[frames.Length * FrameSize];
        for (var f = 0; f < frames.Length; f++)
        {
            frames[f].CopyTo(flat, f * FrameSize);
        }

        return flat;
    }

    /// <summary>
    /// Rebuilds a signal from frames by overlap-add, dropping the leading padding. <paramref name="length"/>
    /// trims the result (default: everything the frames cover, count × hop samples).
    /// </summary>
    public float[] Decode(IReadOnlyList<float[]> frames, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var sum = OverlapAddBuffer(frames.Count, length, out var decoded);
        for (var f = 0; f < frames.Count; f++)
        {
            Accumulate(frames[f], f, sum, decoded);
        }

        return Trim(sum, frames.Count, length);
    }

    /// <summary>As <see cref="Decode(IReadOnlyList{float[]}, int?)"/>, for frames stored contiguously ([count, FrameSize]).</summary>
    public float[] DecodeFlat(ReadOnlySpan<float> frames, int? length = null)
    {
        if (frames.Length % FrameSize != 0)
        {
            throw new ArgumentException($"{frames.Length} values are not a whole number of {FrameSize}-value frames", nameof(frames));
        }

        var count = frames.Length / FrameSize;
        var sum = OverlapAddBuffer(count, length, out var decoded);
        for (var f = 0; f < count; f++)
        {
            Accumulate(frames.Slice(f * FrameSize, FrameSize), f, sum, decoded);
        }

        return Trim(sum, count, length);
    }

    private double[] OverlapAddBuffer(int count, int? length, out float[] decoded)
    {
        var covered = count * HopLength;
        if (length is { } l && (l < 0 || l > covered))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"{count} frames cover at most {covered} samples");
        }

        decoded = new float[FrameLength];
        return new double[count * HopLength + FrameLength];
    }

    private void Accumulate(ReadOnlySpan<float> frame, int index, double[] sum, float[] decoded)
    {
        DecodeFrame(frame, decoded);
        var offset = index * HopLength;
        for (var i = 0; i < FrameLength; i++)
        {
            sum[offset + i] += decoded[i];
        }
    }

    private float[] Trim(double[] sum, int count, int? length)
    {
        var result = new float[length ?? count * HopLength];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)sum[LatencySamples + i];
        }

        return result;
    }

    /// <summary>Fills a full N-bin spectrum from a frame, mirroring a half spectrum by Hermitian symmetry.</summary>
    internal void LoadSpectrum(ReadOnlySpan<float> frame, Span<Complex> spectrum)
    {
        for (var k = 0; k < Bins; k++)
        {
            spectrum[k] = new Complex(frame[k], frame[Bins + k]);
        }

        if (HalfSpectrum)
        {
            for (var k = Bins; k < FrameLength; k++)
            {
                spectrum[k] = Complex.Conjugate(spectrum[FrameLength - k]);
            }
        }
    }

    private static void CheckLength(ReadOnlySpan<float> span, int expected, string name)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"expected {expected} values, got {span.Length}", name);
        }
    }
}
