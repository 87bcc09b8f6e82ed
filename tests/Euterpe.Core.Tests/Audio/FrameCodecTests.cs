using System.Globalization;
using System.Numerics;
using Euterpe.Core.Audio;
using MathNet.Numerics.IntegralTransforms;

namespace Euterpe.Core.Tests.Audio;

public class FrameCodecTests : IClassFixture<RenderedSongFixture>
{
    private readonly RenderedSongFixture _song;

    public FrameCodecTests(RenderedSongFixture song) => _song = song;

    [Fact]
    public void GruvFrameIsTheUnscaledDftRealPartsThenImaginaryParts()
    {
        const int n = 60;
        var samples = SignalMath.Noise(n, seed: 11);
        var frame = new float[2 * n];
        new GruvFrameCodec(n).EncodeFrame(samples, frame);

        // Direct O(N²) DFT, X[k] = Σ x[t]·e^(−2πi·kt/N), as numpy.fft.fft defines it.
        for (var k = 0; k < n; k++)
        {
            Complex sum = 0;
            for (var t = 0; t < n; t++)
            {
                sum += samples[t] * Complex.Exp(new Complex(0, -2 * Math.PI * k * t / n));
            }

            Assert.True(Math.Abs(sum.Real - frame[k]) < 1e-5, $"re[{k}]");
            Assert.True(Math.Abs(sum.Imaginary - frame[n + k]) < 1e-5, $"im[{k}]");
        }
    }

    [Fact]
    public void GruvFrameMatchesNumpyFft()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var samples = _song.Excerpt.AsSpan(4000, 256).ToArray();
        var input = dir.File("frame.txt");
        File.WriteAllLines(input, samples.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        var script = "import numpy as np,sys; x=np.loadtxt(sys.argv[1]); X=np.fft.fft(x); print(' '.join(repr(v) for v in np.concatenate([X.real, X.imag])))";
        var numpy = PythonRunner.RunCode(script, input).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        var frame = new float[512];
        new GruvFrameCodec(256).EncodeFrame(samples, frame);
        Assert.Equal(512, numpy.Length);
        var scale = numpy.Max(Math.Abs);
        for (var i = 0; i < 512; i++)
        {
            Assert.True(Math.Abs(numpy[i] - frame[i]) <= 1e-6 * scale, $"value {i}: numpy {numpy[i]}, ours {frame[i]}");
        }
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(2205)]
    public void GruvDecodeIsAnExactInverseOnRealAudio(int frameLength)
    {
        var codec = new GruvFrameCodec(frameLength);
        var signal = _song.Excerpt;
        var frames = codec.Encode(signal);
        Assert.Equal((signal.Length + frameLength - 1) / frameLength, frames.Length);
        Assert.All(frames, f => Assert.Equal(2 * frameLength, f.Length));

        var decoded = codec.Decode(frames, signal.Length);
        var relative = SignalMath.MaxAbsDifference(signal, decoded) / SignalMath.MaxAbs(signal);
        Assert.True(relative < 1e-5, $"relative error {relative:E2}");
        Assert.True(SignalMath.MaxAbs(signal) > 0.05, "the excerpt should not be silence");
    }

    public static TheoryData<int, int> StftShapes() => new()
    {
        { 1024, 512 },
        { 1024, 256 },
        { 512, 128 },
        { 1000, 250 },
        { 400, 160 },
    };

    [Theory]
    [MemberData(nameof(StftShapes))]
    public void StftReconstructsRealAudio(int frameLength, int hop)
    {
        var codec = new StftFrameCodec(frameLength, hop);
        var signal = _song.Excerpt;
        var frames = codec.Encode(signal);
        Assert.All(frames, f => Assert.Equal(frameLength + 2, f.Length));
        var decoded = codec.Decode(frames, signal.Length);
        var error = SignalMath.MaxAbsDifference(signal, decoded);
        Assert.True(error < 1e-6, $"max error {error:E2}");
    }

    [Theory]
    [MemberData(nameof(StftShapes))]
    public void StftReconstructsSyntheticSignals(int frameLength, int hop)
    {
        var codec = new StftFrameCodec(frameLength, hop);
        var length = 10_007;
        var chirp = new float[length];
        for (var i = 0; i < length; i++)
        {
            var t = i / 16000.0;
            chirp[i] = (float)(0.9 * Math.Sin(2 * Math.PI * (50 * t + 2000 * t * t)));
        }

        var impulses = new float[length];
        for (var i = 0; i < length; i += 777)
        {
            impulses[i] = i % 2 == 0 ? 1f : -1f;
        }

        foreach (var signal in new[] { chirp, impulses, SignalMath.Noise(length, seed: hop, amplitude: 1) })
        {
            var decoded = codec.Decode(codec.Encode(signal), signal.Length);
            var error = SignalMath.MaxAbsDifference(signal, decoded);
            Assert.True(error < 1e-6, $"max error {error:E2}");
        }
    }

    [Fact]
    public void StftFrameIsTheHannWindowedDftOfTheFrame()
    {
        const int n = 64;
        var codec = new StftFrameCodec(n, 16);
        var samples = SignalMath.Noise(n, seed: 5);
        var frame = new float[n + 2];
        codec.EncodeFrame(samples, frame);
        for (var k = 0; k <= n / 2; k++)
        {
            Complex sum = 0;
            for (var t = 0; t < n; t++)
            {
                var hann = Math.Pow(Math.Sin(Math.PI * t / n), 2);
                sum += samples[t] * hann * Complex.Exp(new Complex(0, -2 * Math.PI * k * t / n));
            }

            Assert.True(Math.Abs(sum.Real - frame[k]) < 1e-5 && Math.Abs(sum.Imaginary - frame[n / 2 + 1 + k]) < 1e-5, $"bin {k}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FlatLayoutHoldsTheSameFramesInOrder(bool stft)
    {
        AudioFrameCodec codec = stft ? new StftFrameCodec(512, 128) : new GruvFrameCodec(512);
        var signal = _song.Excerpt.AsSpan(0, 5000);
        var frames = codec.Encode(signal);
        var flat = codec.EncodeFlat(signal);
        Assert.Equal(frames.SelectMany(f => f).ToArray(), flat);
        Assert.Equal(codec.Decode(frames, signal.Length), codec.DecodeFlat(flat, signal.Length));
        Assert.Throws<ArgumentException>(() => codec.DecodeFlat(flat.AsSpan(1), null));
    }

    [Fact]
    public void StftRejectsAHopThatLeavesGaps()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftFrameCodec(512, 512));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftFrameCodec(511, 128));
    }

    [Theory]
    [InlineData(false, 1024, 1024)]
    [InlineData(true, 1024, 256)]
    [InlineData(true, 512, 256)]
    [InlineData(true, 1000, 250)]
    public void StreamingDecoderEmitsTheOfflineDecodeAfterItsLatency(bool stft, int frameLength, int hop)
    {
        AudioFrameCodec codec = stft ? new StftFrameCodec(frameLength, hop) : new GruvFrameCodec(frameLength);
        var signal = _song.Excerpt;
        var frames = codec.Encode(signal);
        var offline = codec.Decode(frames);

        var decoder = new StreamingOverlapAddDecoder(codec);
        Assert.Equal(Radix2Fft.IsPowerOfTwo(frameLength), decoder.IsAllocationFree);
        var streamed = new float[frames.Length * hop + frameLength];
        for (var f = 0; f < frames.Length; f++)
        {
            decoder.PushFrame(frames[f], streamed.AsSpan(f * hop, hop));
        }

        decoder.Drain(streamed.AsSpan(frames.Length * hop));
        var aligned = streamed.AsSpan(codec.LatencySamples, offline.Length);
        Assert.True(SignalMath.MaxAbsDifference(offline, aligned) < 1e-6);
        Assert.True(SignalMath.MaxAbsDifference(signal, aligned[..signal.Length]) < 1e-5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StreamingDecoderDoesNotAllocatePerFrame(bool stft)
    {
        AudioFrameCodec codec = stft ? new StftFrameCodec(1024, 256) : new GruvFrameCodec(1024);
        var frames = codec.Encode(_song.Excerpt.AsSpan(0, 8192));
        var decoder = new StreamingOverlapAddDecoder(codec);
        var hop = new float[codec.HopLength];
        decoder.PushFrame(frames[0], hop);
        var rounds = ThreadAllocations.Measure(3, _ =>
        {
            foreach (var frame in frames) decoder.PushFrame(frame, hop);
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Theory]
    [InlineData(8)]
    [InlineData(512)]
    [InlineData(4096)]
    public void Radix2FftAgreesWithMathNet(int n)
    {
        var random = new Random(n);
        var re = new double[n];
        var im = new double[n];
        var reference = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            re[i] = random.NextDouble() - 0.5;
            im[i] = random.NextDouble() - 0.5;
            reference[i] = new Complex(re[i], im[i]);
        }

        var fft = new Radix2Fft(n);
        fft.Forward(re, im);
        Fourier.Forward(reference, FourierOptions.Matlab);
        for (var k = 0; k < n; k++)
        {
            Assert.True(Complex.Abs(reference[k] - new Complex(re[k], im[k])) < 1e-9, $"bin {k}");
        }

        fft.Inverse(re, im);
        Fourier.Inverse(reference, FourierOptions.Matlab);
        for (var k = 0; k < n; k++)
        {
            Assert.True(Complex.Abs(reference[k] - new Complex(re[k], im[k])) < 1e-12, $"sample {k}");
        }
    }
}
