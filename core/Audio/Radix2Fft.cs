namespace Euterpe.Core.Audio;

/// <summary>
/// In-place iterative radix-2 complex FFT on split real/imaginary arrays, with twiddles and the bit-reversal
/// permutation precomputed, so a transform allocates nothing. MathNet's transform allocates scratch on every
/// call; this one exists for the realtime decoders. Forward uses e^(-2πi·kn/N) and no scaling; inverse uses
/// e^(+2πi·kn/N) and scales by 1/N (numpy / Matlab convention).
/// </summary>
public sealed class Radix2Fft
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _bitReversed;

    public Radix2Fft(int length)
    {
        if (!IsPowerOfTwo(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "radix-2 FFT length must be a power of two");
        }

        Length = length;
        _cos = new double[length / 2];
        _sin = new double[length / 2];
        for (var k = 0; k < length / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / length);
            _sin[k] = -Math.Sin(2 * Math.PI * k / length);
        }

        _bitReversed = new int[length];
        var bits = System.Numerics.BitOperations.Log2((uint)length);
        for (var i = 0; i < length; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReversed[i] = r;
        }
    }

    public int Length { get; }

    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    public void Forward(Span<double> re, Span<double> im) => Transform(re, im);

    public void Inverse(Span<double> re, Span<double> im)
    {
        // IFFT(x) = conj(FFT(conj(x))) / N; swapping re and im is conjugation up to a factor i that cancels.
        Transform(im, re);
        var scale = 1.0 / Length;
        for (var i = 0; i < Length; i++)
        {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void Transform(Span<double> re, Span<double> im)
    {
        var n = Length;
        if (re.Length != n || im.Length != n)
        {
            throw new ArgumentException($"FFT buffers must have length {n}");
        }

        for (var i = 0; i < n; i++)
        {
            var j = _bitReversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size >> 1;
            var step = n / size;
            for (var start = 0; start < n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = _cos[k * step];
                    var wi = _sin[k * step];
                    var a = start + k;
                    var b = a + half;
                    var tr = re[b] * wr - im[b] * wi;
                    var ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
