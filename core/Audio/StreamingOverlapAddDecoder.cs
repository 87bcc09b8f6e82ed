using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Euterpe.Core.Audio;

/// <summary>
/// Decodes frames one at a time, as a model produces them, and emits <see cref="AudioFrameCodec.HopLength"/>
/// samples per frame by overlap-add (for GRUV frames the hop is the frame, so this is concatenation).
/// The emitted stream equals <see cref="AudioFrameCodec.Decode"/> preceded by the codec's
/// <see cref="AudioFrameCodec.LatencySamples"/> (the fade-in of the first frames). For power-of-two frame
/// lengths it uses <see cref="Radix2Fft"/> and allocates nothing per frame; other lengths fall back to MathNet,
/// which allocates scratch per transform. One instance per stream, not thread-safe.
/// </summary>
public sealed class StreamingOverlapAddDecoder
{
    private readonly AudioFrameCodec _codec;
    private readonly Radix2Fft? _fft;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly Complex[]? _spectrum;
    private readonly double[] _accumulator;

    public StreamingOverlapAddDecoder(AudioFrameCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        var n = codec.FrameLength;
        _re = new double[n];
        _im = new double[n];
        _accumulator = new double[n];
        if (Radix2Fft.IsPowerOfTwo(n))
        {
            _fft = new Radix2Fft(n);
        }
        else
        {
            _spectrum = new Complex[n];
        }
    }

    public int HopLength => _codec.HopLength;

    /// <summary>True when decoding a frame allocates nothing (power-of-two frame length).</summary>
    public bool IsAllocationFree => _fft is not null;

    /// <summary>Adds one frame and writes the <see cref="HopLength"/> samples that are now final.</summary>
    public void PushFrame(ReadOnlySpan<float> frame, Span<float> hop)
    {
        if (frame.Length != _codec.FrameSize)
        {
            throw new ArgumentException($"expected a frame of {_codec.FrameSize} values, got {frame.Length}", nameof(frame));
        }

        if (hop.Length < HopLength)
        {
            throw new ArgumentException($"hop span must hold {HopLength} samples", nameof(hop));
        }

        InverseToTime(frame);
        var n = _codec.FrameLength;
        var window = _codec.SynthesisWindow;
        for (var i = 0; i < n; i++)
        {
            _accumulator[i] += _re[i] * window[i];
        }

        var h = HopLength;
        for (var i = 0; i < h; i++)
        {
            hop[i] = (float)_accumulator[i];
        }

        Array.Copy(_accumulator, h, _accumulator, 0, n - h);
        Array.Clear(_accumulator, n - h, h);
    }

    /// <summary>Writes the FrameLength − HopLength samples still pending (the tail of the last frames) and resets.</summary>
    public int Drain(Span<float> tail)
    {
        var pending = _codec.FrameLength - HopLength;
        if (tail.Length < pending)
        {
            throw new ArgumentException($"tail span must hold {pending} samples", nameof(tail));
        }

        for (var i = 0; i < pending; i++)
        {
            tail[i] = (float)_accumulator[i];
        }

        Reset();
        return pending;
    }

    public void Reset() => Array.Clear(_accumulator);

    private void InverseToTime(ReadOnlySpan<float> frame)
    {
        var n = _codec.FrameLength;
        var bins = _codec.Bins;
        if (_fft is null)
        {
            _codec.LoadSpectrum(frame, _spectrum);
            Fourier.Inverse(_spectrum!, FourierOptions.Matlab);
            for (var i = 0; i < n; i++)
            {
                _re[i] = _spectrum![i].Real;
            }

            return;
        }

        for (var k = 0; k < bins; k++)
        {
            _re[k] = frame[k];
            _im[k] = frame[bins + k];
        }

        if (_codec.HalfSpectrum)
        {
            for (var k = bins; k < n; k++)
            {
                _re[k] = _re[n - k];
                _im[k] = -_im[n - k];
            }
        }

        _fft.Inverse(_re, _im);
    }
}
