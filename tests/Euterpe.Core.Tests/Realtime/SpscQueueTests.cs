using Euterpe.Core.Realtime;

namespace Euterpe.Core.Tests.Realtime;

public class SpscQueueTests
{
    private readonly record struct Stamp(long Sequence, int Pitch, double Time);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(1000, 1024)]
    public void CapacityRoundsUpToPowerOfTwo(int requested, int expected) =>
        Assert.Equal(expected, new SpscQueue<int>(requested).Capacity);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void RejectsNonPositiveCapacity(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpscQueue<int>(capacity));

    [Fact]
    public void FillsToCapacityThenRefusesAndDrainsInOrder()
    {
        var queue = new SpscQueue<int>(8);
        for (var i = 0; i < 8; i++) Assert.True(queue.TryEnqueue(i));
        Assert.False(queue.TryEnqueue(99));
        Assert.Equal(8, queue.Count);
        for (var i = 0; i < 8; i++)
        {
            Assert.True(queue.TryDequeue(out var value));
            Assert.Equal(i, value);
        }
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void WrapsAroundManyTimes()
    {
        var queue = new SpscQueue<long>(4);
        long next = 0, expected = 0;
        for (var round = 0; round < 1000; round++)
        {
            var burst = round % 4 + 1;
            for (var i = 0; i < burst; i++) Assert.True(queue.TryEnqueue(next++));
            for (var i = 0; i < burst; i++)
            {
                Assert.True(queue.TryDequeue(out var value));
                Assert.Equal(expected++, value);
            }
        }
    }

    [Fact]
    public void DequeueIntoTakesWhatIsThere()
    {
        var queue = new SpscQueue<int>(16);
        for (var i = 0; i < 5; i++) queue.TryEnqueue(i * 10);
        var buffer = new int[8];
        Assert.Equal(5, queue.DequeueInto(buffer));
        Assert.Equal([0, 10, 20, 30, 40], buffer[..5]);
    }

    [Fact]
    public void TwoThreadStressKeepsOrderAndLosesNothing()
    {
        const long total = 300_000;
        var queue = new SpscQueue<Stamp>(256);
        var failure = (string?)null;
        var producer = new Thread(() =>
        {
            for (long i = 0; i < total; i++)
            {
                var stamp = new Stamp(i, (int)(i % 128), i * 0.5);
                while (!queue.TryEnqueue(stamp)) Thread.Yield();
            }
        });
        var consumer = new Thread(() =>
        {
            long expected = 0;
            while (expected < total)
            {
                if (!queue.TryDequeue(out var stamp))
                {
                    Thread.Yield();
                    continue;
                }
                // Every field must come from the same write: a torn struct would mismatch.
                if (stamp.Sequence != expected || stamp.Pitch != (int)(expected % 128) || stamp.Time != expected * 0.5)
                {
                    failure = $"got {stamp} where sequence {expected} was due";
                    return;
                }
                expected++;
            }
        });
        producer.Start();
        consumer.Start();
        Assert.True(producer.Join(TimeSpan.FromSeconds(60)), "producer did not finish");
        Assert.True(consumer.Join(TimeSpan.FromSeconds(60)), "consumer did not finish");
        Assert.Null(failure);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }
}
