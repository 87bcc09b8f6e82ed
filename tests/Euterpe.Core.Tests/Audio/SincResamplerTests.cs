using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class SincResamplerTests
{
    [Theory]
    [InlineData(44100, 16000, 1000.0)]
    [InlineData(44100, 16000, 5500.0)]
    [InlineData(48000, 44100, 440.0)]
    [InlineData(48000, 44100, 17000.0)]
    [InlineData(16000, 48000, 3000.0)]
    [InlineData(16000, 48000, 6500.0)]
    [InlineData(44100, 44101, 2000.0)]
    public void PassbandSineMatchesAnalyticSineAtTargetRate(int from, int to, double frequency)
    {
        var input = SignalMath.Sine(from / 2, frequency, from, phase: 0.3);
        var output = SincResampler.Resample(input, from, to);
        var expected = SignalMath.Sine(output.Length, frequency, to, phase: 0.3);

        Assert.Equal((long)Math.Ceiling((double)input.Length * to / from), output.Length);
        // The filter sees zeros beyond the signal; skip its reach (in output samples) at both ends.
        var edge = (int)Math.Ceiling(new SincResampler(from, to).Taps * (double)to / from);
        var snr = SignalMath.SnrDb(expected, output, edge, output.Length - edge);
        Assert.True(snr >= 90, $"SNR {snr:F1} dB for {frequency} Hz {from}->{to}");
    }

    [Theory]
    [InlineData(44100, 16000, 8100.0)]
    [InlineData(44100, 16000, 9000.0)]
    [InlineData(44100, 16000, 15000.0)]
    [InlineData(48000, 44100, 23000.0)]
    [InlineData(48000, 22050, 12000.0)]
    public void ToneAboveNewNyquistIsSuppressed(int from, int to, double frequency)
    {
        var input = SignalMath.Sine(from / 2, frequency, from, amplitude: 1.0);
        var output = SincResampler.Resample(input, from, to);
        var edge = (int)Math.Ceiling(new SincResampler(from, to).Taps * (double)to / from);
        var rms = SignalMath.Rms(output, edge, output.Length - edge);
        var attenuationDb = -20 * Math.Log10(rms / Math.Sqrt(0.5));
        Assert.True(attenuationDb >= 90, $"only {attenuationDb:F1} dB down for {frequency} Hz {from}->{to}");
    }

    [Theory]
    [InlineData(44100, 16000, 1)]
    [InlineData(44100, 16000, 333)]
    [InlineData(16000, 48000, 64)]
    [InlineData(48000, 44100, 4096)]
    [InlineData(44100, 44101, 1000)]
    public void StreamingBlocksGiveTheOfflineResult(int from, int to, int blockSize)
    {
        var input = SignalMath.Noise(12_345, seed: blockSize);
        var offline = SincResampler.Resample(input, from, to);

        var resampler = new SincResampler(from, to);
        var block = new float[resampler.MaxOutputLength(blockSize)];
        var streamed = new List<float>();
        for (var start = 0; start < input.Length; start += blockSize)
        {
            var n = Math.Min(blockSize, input.Length - start);
            var got = resampler.Process(input.AsSpan(start, n), block);
            streamed.AddRange(block.AsSpan(0, got).ToArray());
        }

        var tail = resampler.Flush(block);
        streamed.AddRange(block.AsSpan(0, tail).ToArray());
        Assert.Equal(offline, streamed.ToArray());
    }

    [Fact]
    public void StreamingDoesNotAllocatePerBlock()
    {
        var resampler = new SincResampler(44100, 16000);
        var input = SignalMath.Noise(512, seed: 1);
        var output = new float[resampler.MaxOutputLength(input.Length)];
        var rounds = ThreadAllocations.Measure(3, _ =>
        {
            for (var i = 0; i < 200; i++) resampler.Process(input, output);
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void TooSmallOutputSpanIsRejected()
    {
        var resampler = new SincResampler(16000, 48000);
        Assert.Throws<ArgumentException>(() => resampler.Process(new float[100], new float[10]));
    }
}
