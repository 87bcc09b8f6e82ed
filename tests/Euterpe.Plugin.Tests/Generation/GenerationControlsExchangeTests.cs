using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The controls hand-off: the worker always reads a snapshot as one publish wrote it (two writers and a reader
/// race for a second), publishing and reading allocate nothing, and the instrument's parameters reach it in the
/// worker's units.
/// </summary>
public class GenerationControlsExchangeTests
{
    private static GenerationControls Uniform(int n) => new()
    {
        ModelSlot = n, Seed = (ulong)n, Temperature = n, VariationPercent = n, LookaheadSeconds = n, Key = n, Scale = n,
        OctaveShift = n, DensityPercent = n, FollowInput = n % 2 == 1, ClipBars = n,
        Condition1 = n, Condition2 = n, Condition3 = n, Condition4 = n, WalkRatePercent = n, ThemeReturnPercent = n, ThemeStorePercent = n,
    };

    [Fact]
    public void AReaderNeverSeesFieldsOfTwoPublishes()
    {
        var exchange = new GenerationControlsExchange();
        exchange.Publish(Uniform(0));
        var stop = false;
        var torn = 0;
        var reads = 0;
        // The audio thread's way (try, never wait) and setState's way (spin until published), at once.
        var realtime = new Thread(() =>
        {
            for (var n = 1; !Volatile.Read(ref stop); n += 2) exchange.TryPublish(Uniform(n));
        });
        var other = new Thread(() =>
        {
            for (var n = 2; !Volatile.Read(ref stop); n += 2) exchange.Publish(Uniform(n));
        });
        realtime.Start();
        other.Start();
        var until = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < until)
        {
            var c = exchange.Read();
            reads++;
            if (c != Uniform(c.ModelSlot)) torn++;
        }
        Volatile.Write(ref stop, true);
        realtime.Join();
        other.Join();
        Assert.Equal(0, torn);
        Assert.True(reads > 1000, $"only {reads} reads");
    }

    [Fact]
    public void PublishingAndReadingAllocateNothing()
    {
        var exchange = new GenerationControlsExchange();
        var sum = 0.0;
        var failed = 0;
        void Round(int count)
        {
            for (var n = 0; n < count; n++)
            {
                if (!exchange.TryPublish(Uniform(n))) failed++;
                sum += exchange.Read().Condition(n % GenerationControls.ConditionSlots);
            }
        }
        Round(100); // the same calls once before measuring (JIT, first calls)
        var rounds = ThreadAllocations.Measure(4, _ => Round(2_500));
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.Equal(0, failed);
        Assert.True(sum > 0);
    }

    [Fact]
    public void TheInstrumentsParametersArriveInPlainUnits()
    {
        var values = InstrumentParameters.Defaults();
        void Set(uint id, double plain) => values[InstrumentParameters.IndexOf(id)] = InstrumentParameters.Find(id)!.ToNormalized(plain);
        Set(ParameterId.Model, 3);
        Set(ParameterId.Seed, 1234);
        Set(ParameterId.Temperature, 0.7);
        Set(ParameterId.Variation, 40);
        Set(ParameterId.Lookahead, 2);
        Set(ParameterId.Key, 7);
        Set(ParameterId.Scale, 2);
        Set(ParameterId.Register, -1);
        Set(ParameterId.Density, 25);
        Set(ParameterId.FollowInput, 1);
        Set(ParameterId.ClipBars, 16);
        Set(ParameterId.Condition1 + 2, 0.8);
        var c = InstrumentParameters.ControlsOf(values);
        Assert.Equal((3, 1234UL, 7, 2, -1, true), (c.ModelSlot, c.Seed, c.Key, c.Scale, c.OctaveShift, c.FollowInput));
        Assert.Equal(0.7, c.Temperature, 9);
        Assert.Equal(40, c.VariationPercent, 9);
        Assert.Equal(2, c.LookaheadSeconds, 9);
        Assert.Equal(25, c.DensityPercent, 9);
        Assert.Equal(16, c.ClipBars, 9);
        Assert.Equal([0.5, 0.5, 0.8, 0.5], Enumerable.Range(0, GenerationControls.ConditionSlots).Select(c.Condition).ToArray());
    }
}
