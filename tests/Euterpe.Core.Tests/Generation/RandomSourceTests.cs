using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

public class RandomSourceTests
{
    [Fact]
    public void UniformDoublesHaveTheRightMoments()
    {
        var random = new RandomSource(123);
        const int n = 100_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble();
            Assert.InRange(x, 0.0, 0.9999999999);
            sum += x;
            sumSq += x * x;
        }
        Assert.Equal(0.5, sum / n, 2);
        Assert.Equal(1.0 / 12, sumSq / n - Math.Pow(sum / n, 2), 2);
    }

    [Fact]
    public void GaussianHasUnitVariance()
    {
        var random = new RandomSource(9);
        var values = new float[50_000];
        random.FillGaussian(values);
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.97, 1.03);
    }

    [Fact]
    public void IntegersCoverTheRangeEvenly()
    {
        var random = new RandomSource(5);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[random.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void ReseedRestartsTheStream()
    {
        var random = new RandomSource(77);
        var first = Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToArray();
        random.Reseed(77);
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToArray());
    }
}
