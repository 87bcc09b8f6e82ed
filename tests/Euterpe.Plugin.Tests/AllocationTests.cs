using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>The audio thread must never allocate: no GC can then pause it.</summary>
[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    [Theory]
    [InlineData(ProcessSetup.Sample32)]
    [InlineData(ProcessSetup.Sample64)]
    public void ProcessAllocatesNothing(int sampleSize)
    {
        using var host = new InstrumentHost(48000, 512, sampleSize);
        var gain = Instrument.InstrumentParameters.All[Instrument.InstrumentParameters.IndexOf(Instrument.ParameterId.OutputGain)];
        // Warm up every path once (JIT, static constructors) before measuring.
        RunBlocks(host, 0, 64, gain);
        var collections = Hosting.GcWindow.Start();
        var rounds = ThreadAllocations.Measure(3, round => RunBlocks(host, 64 + round * 100, 100, gain));
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.Equal(collections, GC.CollectionCount(0));
    }

    private static void RunBlocks(InstrumentHost host, int first, int count, Instrument.ParameterDefinition gain)
    {
        for (var block = first; block < first + count; block++)
        {
            // A chord every 8 blocks, released 4 blocks later; the gain moves now and then.
            if (block % 8 == 0)
                for (short pitch = 48; pitch < 48 + 40; pitch += 5)
                    host.InputEvents.Add(Vst3Event.NoteOnAt(block % 500, pitch, 0.1f + (pitch % 10) / 10f));
            if (block % 8 == 4)
                for (short pitch = 48; pitch < 48 + 40; pitch += 5)
                    host.InputEvents.Add(Vst3Event.NoteOffAt(7, pitch));
            // Generated notes take the queue -> voice -> output-bus path as well.
            if (block % 8 == 2) host.Instrument.TryQueueGenerated(Vst3Event.NoteOnAt(block % 300, (short)(60 + block % 24), 0.7f));
            if (block % 8 == 6) host.Instrument.TryQueueGenerated(Vst3Event.NoteOffAt(0, (short)(60 + (block - 4) % 24)));
            if (block % 16 == 0) host.ParameterChanges.Add(Instrument.ParameterId.OutputGain, 3, gain.ToNormalized(-(block % 30)));
            if (host.Process(512) != Vst3Result.Ok) throw new InvalidOperationException("process failed");
        }
    }
}
