using System.Numerics;
using System.Runtime.InteropServices;

namespace Euterpe.Core.Audio;

/// <summary>
/// Band-limited sample-rate conversion by a Kaiser-windowed sinc, for any ratio of integer rates.
/// Output sample n sits at input time n·M/L (L/M = output/input rate in lowest terms), so the output is
/// aligned with the input (no delay) and has ceil(inputLength·L/M) samples.
/// Rational ratios with L ≤ <see cref="MaxExactPhases"/> use one precomputed filter per phase; others
/// interpolate linearly between <see cref="MaxExactPhases"/> precomputed phases.
/// Streaming: call <see cref="Process"/> per block and <see cref="Flush"/> at the end; the result is the same
/// as <see cref="Resample(ReadOnlySpan{float}, int, int, ResamplerOptions?)"/> on the whole signal, delayed by
/// the filter's half length. No allocation after construction. One instance per stream, not thread-safe.
/// Any positive rates are accepted, but the output is output/input times the input and the filter grows with
/// input/output: callers bound the rates they take from files (WAV files: <see cref="WavFile.MinSampleRate"/>…<see cref="WavFile.MaxSampleRate"/>).
/// </summary>
public sealed class SincResampler
{
    public const int MaxExactPhases = 2048;
    private const int MinChunk = 4096;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly int _half;
    private readonly bool _interpolated;
    private readonly int _tablePhases;
    private readonly float[] _table;
    private readonly float[] _scratch;
    private readonly float[] _buf;

    private long _bufStart;
    private int _count;
    private long _base;
    private int _phase;
    private long _emitted;
    private long _totalIn;

    public SincResampler(int inputRate, int outputRate, ResamplerOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inputRate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(outputRate, 0);
        options ??= ResamplerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ZeroCrossings, 2);
        if (options.Cutoff is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Cutoff, "cutoff must be in (0, 1]");
        }

        InputRate = inputRate;
        OutputRate = outputRate;
        var g = (int)BigInteger.GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / g;
        _down = inputRate / g;

        // Cutoff in cycles per input sample ×2 (so sinc(c·t) passes up to c/2 cycles per input sample).
        var c = options.Cutoff * Math.Min(1.0, (double)_up / _down);
        var halfWidth = options.ZeroCrossings / c;
        _half = (int)Math.Ceiling(halfWidth);
        _taps = 2 * _half;
        var beta = KaiserWindow.BetaForAttenuation(options.AttenuationDb);

        _interpolated = _up > MaxExactPhases;
        _tablePhases = _interpolated ? MaxExactPhases + 1 : _up;
        _table = new float[_tablePhases * _taps];
        var phaseDenominator = _interpolated ? MaxExactPhases : _up;
        for (var p = 0; p < _tablePhases; p++)
        {
            var frac = (double)p / phaseDenominator;
            for (var j = 0; j < _taps; j++)
            {
                // Tap j multiplies input (base - half + 1 + j); its distance from the output time is d.
                var d = frac + _half - 1 - j;
                var x = c * d;
                var sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
                _table[p * _taps + j] = (float)(c * sinc * KaiserWindow.Value(d / halfWidth, beta));
            }
        }

        _scratch = new float[_taps];
        _buf = new float[_taps + Math.Max(MinChunk, _taps)];
        Reset();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Filter length in input samples.</summary>
    public int Taps => _taps;

    /// <summary>How many input samples must arrive after an output's time before it can be emitted.</summary>
    public int LatencyInputSamples => _half;

    /// <summary>Output length for a whole signal of <paramref name="inputLength"/> samples: ceil(n·L/M).</summary>
    public long OutputLength(long inputLength) => (inputLength * _up + _down - 1) / _down;

    /// <summary>An upper bound on what one <see cref="Process"/> or <see cref="Flush"/> call can emit.</summary>
    public int MaxOutputLength(int inputLength) => checked((int)((long)(inputLength + _taps) * _up / _down + 2));

    /// <summary>Forgets all buffered input; the next sample is time zero again.</summary>
    public void Reset()
    {
        // Zeros before the signal: the filter centred on the first samples reads them.
        Array.Clear(_buf);
        _bufStart = -_taps;
        _count = _taps;
        _base = 0;
        _phase = 0;
        _emitted = 0;
        _totalIn = 0;
    }

    /// <summary>
    /// Feeds a block of input and writes every output sample that is now complete. <paramref name="output"/>
    /// must hold at least <see cref="MaxOutputLength"/>(input.Length). Returns the number written.
    /// </summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length < MaxOutputLength(input.Length))
        {
            throw new ArgumentException("output span is shorter than MaxOutputLength(input.Length)", nameof(output));
        }

        var written = 0;
        while (!input.IsEmpty)
        {
            var n = Math.Min(_buf.Length - _count, input.Length);
            input[..n].CopyTo(_buf.AsSpan(_count));
            _count += n;
            _totalIn += n;
            input = input[n..];
            written += Produce(output[written..], flushing: false);
            Compact();
        }

        return written;
    }

    /// <summary>
    /// Ends the stream: writes the remaining outputs (up to the signal's end time) and resets for a new stream.
    /// <paramref name="output"/> must hold at least <see cref="MaxOutputLength"/>(0).
    /// </summary>
    public int Flush(Span<float> output)
    {
        if (output.Length < MaxOutputLength(0))
        {
            throw new ArgumentException("output span is shorter than MaxOutputLength(0)", nameof(output));
        }

        // Zeros after the signal, enough to complete every remaining output's window.
        _buf.AsSpan(_count, _taps).Clear();
        _count += _taps;
        var written = Produce(output, flushing: true);
        Reset();
        return written;
    }

    /// <summary>Resamples a whole signal.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate, ResamplerOptions? options = null)
    {
        var resampler = new SincResampler(inputRate, outputRate, options);
        return resampler.ResampleAll(input);
    }

    /// <summary>Resamples every channel of <paramref name="audio"/> to <paramref name="outputRate"/>.</summary>
    public static AudioBuffer Resample(AudioBuffer audio, int outputRate, ResamplerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var resampler = new SincResampler(audio.SampleRate, outputRate, options);
        var channels = new float[audio.ChannelCount][];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = resampler.ResampleAll(audio.Channels[c]);
        }

        return new AudioBuffer(outputRate, channels);
    }

    private float[] ResampleAll(ReadOnlySpan<float> input)
    {
        Reset();
        var result = new float[checked((int)OutputLength(input.Length))];
        var block = new float[MaxOutputLength(MinChunk)];
        var written = 0;
        while (!input.IsEmpty)
        {
            var n = Math.Min(MinChunk, input.Length);
            var got = Process(input[..n], block);
            block.AsSpan(0, got).CopyTo(result.AsSpan(written));
            written += got;
            input = input[n..];
        }

        var tail = Flush(block);
        block.AsSpan(0, tail).CopyTo(result.AsSpan(written));
        written += tail;
        if (written != result.Length)
        {
            throw new InvalidOperationException($"resampler produced {written} samples, expected {result.Length}");
        }

        return result;
    }

    private int Produce(Span<float> output, bool flushing)
    {
        var written = 0;
        while (true)
        {
            var start = (int)(_base - _half + 1 - _bufStart);
            if (start + _taps > _count || (flushing && _emitted * _down >= _totalIn * _up))
            {
                return written;
            }

            output[written++] = Dot(_buf.AsSpan(start, _taps), Coefficients(_phase));
            _emitted++;
            _phase += _down;
            _base += _phase / _up;
            _phase %= _up;
        }
    }

    private ReadOnlySpan<float> Coefficients(int phase)
    {
        if (!_interpolated)
        {
            return _table.AsSpan(phase * _taps, _taps);
        }

        var position = (double)phase / _up * MaxExactPhases;
        var row = Math.Min((int)position, MaxExactPhases - 1);
        var a = (float)(position - row);
        var lower = _table.AsSpan(row * _taps, _taps);
        var upper = _table.AsSpan((row + 1) * _taps, _taps);
        for (var j = 0; j < _taps; j++)
        {
            _scratch[j] = lower[j] + a * (upper[j] - lower[j]);
        }

        return _scratch;
    }

    private void Compact()
    {
        var keepFrom = (int)Math.Clamp(_base - _half + 1 - _bufStart, 0, _count);
        if (keepFrom == 0)
        {
            return;
        }

        _buf.AsSpan(keepFrom, _count - keepFrom).CopyTo(_buf);
        _bufStart += keepFrom;
        _count -= keepFrom;
    }

    private static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> h)
    {
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
            var hv = MemoryMarshal.Cast<float, Vector<float>>(h);
            for (var k = 0; k < xv.Length; k++)
            {
                acc += xv[k] * hv[k];
            }

            sum = Vector.Sum(acc);
            i = xv.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * h[i];
        }

        return sum;
    }
}
