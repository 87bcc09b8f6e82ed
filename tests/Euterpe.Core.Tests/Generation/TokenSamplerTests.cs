using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

public class TokenSamplerTests
{
    private static readonly float[] Logits = [2.0f, 1.0f, 0.5f, -1.0f, 3.0f, 0.0f];

    private static int[] Histogram(SamplingOptions options, int draws, ulong seed = 7)
    {
        var sampler = new TokenSampler(Logits.Length);
        var random = new RandomSource(seed);
        var counts = new int[Logits.Length];
        for (var i = 0; i < draws; i++) counts[sampler.Sample(Logits, options, random)]++;
        return counts;
    }

    [Fact]
    public void FrequenciesFollowTheSoftmaxAtTemperatureOne()
    {
        const int draws = 200_000;
        var counts = Histogram(SamplingOptions.Default, draws);
        var z = Logits.Sum(l => Math.Exp(l));
        for (var i = 0; i < Logits.Length; i++)
        {
            var expected = Math.Exp(Logits[i]) / z;
            var sd = Math.Sqrt(expected * (1 - expected) / draws);
            Assert.InRange((double)counts[i] / draws, expected - 5 * sd, expected + 5 * sd);
        }
    }

    [Fact]
    public void LowTemperatureSharpensHighTemperatureFlattens()
    {
        var cold = Histogram(new SamplingOptions(0.3f), 20_000);
        var hot = Histogram(new SamplingOptions(3f), 20_000);
        Assert.True(cold[4] > hot[4] * 1.5, $"argmax share cold {cold[4]} vs hot {hot[4]}");
        Assert.True(hot[3] > cold[3] * 5 + 10, $"least likely share hot {hot[3]} vs cold {cold[3]}");
    }

    [Fact]
    public void TemperatureZeroIsGreedy()
    {
        var counts = Histogram(new SamplingOptions(0f), 100);
        Assert.Equal(100, counts[4]);
    }

    [Fact]
    public void TopKNeverLeavesTheKMostLikely()
    {
        var counts = Histogram(new SamplingOptions(1f, TopK: 2), 20_000);
        Assert.True(counts[4] > 0 && counts[0] > 0);
        Assert.Equal(20_000, counts[4] + counts[0]);
    }

    [Fact]
    public void TopPKeepsTheSmallestNucleus()
    {
        // Softmax shares: 3.0 → 0.61, 2.0 → 0.22, 1.0 → 0.08 … so p = 0.8 needs the top two tokens.
        var counts = Histogram(new SamplingOptions(1f, TopP: 0.8f), 20_000);
        Assert.Equal(20_000, counts[4] + counts[0]);
        Assert.True(counts[0] > 1000);
    }

    [Fact]
    public void MaskForbidsTokens()
    {
        var sampler = new TokenSampler(Logits.Length);
        var random = new RandomSource(1);
        bool[] mask = [true, true, true, true, false, true];
        for (var i = 0; i < 5000; i++) Assert.NotEqual(4, sampler.Sample(Logits, SamplingOptions.Default, random, mask));
        Assert.Equal(0, sampler.Sample(Logits, new SamplingOptions(0f), random, mask));
    }

    [Fact]
    public void SameSeedSameDraws()
    {
        Assert.Equal(Histogram(new SamplingOptions(1.2f, 4, 0.9f), 1000, 42), Histogram(new SamplingOptions(1.2f, 4, 0.9f), 1000, 42));
        Assert.NotEqual(Histogram(SamplingOptions.Default, 1000, 1), Histogram(SamplingOptions.Default, 1000, 2));
    }

    [Fact]
    public void SamplingAllocatesNothing()
    {
        var logits = new float[388];
        var random = new RandomSource(3);
        for (var i = 0; i < logits.Length; i++) logits[i] = (float)random.NextGaussian();
        var sampler = new TokenSampler(logits.Length);
        var options = new SamplingOptions(0.9f, 40, 0.95f);
        sampler.Sample(logits, options, random);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 2_500; i++) sampler.Sample(logits, options, random);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        Assert.Throws<EuterpeException>(() => new SamplingOptions(-1f).Validate());
        Assert.Throws<EuterpeException>(() => new SamplingOptions(1f, TopP: 0f).Validate());
    }
}
