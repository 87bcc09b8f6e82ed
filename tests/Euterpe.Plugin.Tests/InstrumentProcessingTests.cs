using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>Drives the instrument through its vtables like a host and checks the audio it makes.</summary>
public class InstrumentProcessingTests
{
    private const short A4 = 69;

    [Fact]
    public void SilentUntilTheNoteOnOffsetThenSounds()
    {
        using var host = new InstrumentHost(48000, 512);
        for (var block = 0; block < 3; block++)
        {
            InstrumentHost.Check(host.Process(512), "process");
            for (var i = 0; i < 512; i++)
            {
                Assert.Equal(0f, host.Left(i));
                Assert.Equal(0f, host.Right(i));
            }
            Assert.Equal(0b11UL, host.LastSilenceFlags);
        }

        host.InputEvents.Add(Vst3Event.NoteOnAt(100, A4, 0.8f));
        InstrumentHost.Check(host.Process(512), "process");
        for (var i = 0; i < 100; i++) Assert.Equal(0f, host.Left(i));
        Assert.NotEqual(0f, host.Left(101));
        var peak = 0f;
        for (var i = 100; i < 512; i++) peak = Math.Max(peak, Math.Abs(host.Left(i)));
        Assert.InRange(peak, 0.02f, 1f);
        Assert.Equal(0UL, host.LastSilenceFlags);
    }

    [Fact]
    public void NoteOffReleasesToExactSilence()
    {
        using var host = new InstrumentHost(48000, 480);
        var left = new List<float>();
        var right = new List<float>();
        host.InputEvents.Add(Vst3Event.NoteOnAt(0, 60, 1f));
        host.Render(48000 / 2, 480, left, right);
        var held = Signal.Rms(left, 12000, 4800);
        host.InputEvents.Add(Vst3Event.NoteOffAt(0, 60));
        host.Render(48000 * 2, 480, left, right);
        var releasing = Signal.Rms(left, 24000 + 9600, 2400);
        Assert.True(held > 0.01, $"held note RMS {held}");
        Assert.True(releasing < held * 0.3, $"release RMS {releasing} vs held {held}");
        // After the release has run out, the output is exactly zero and flagged silent.
        Assert.Equal(0f, Signal.Peak(left, left.Count - 4800, 4800));
        Assert.Equal(0f, Signal.Peak(right, right.Count - 4800, 4800));
        Assert.Equal(0b11UL, host.LastSilenceFlags);
    }

    [Theory]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(96000)]
    [InlineData(384000)]
    public void PitchFollowsTheNoteAtEverySampleRate(int sampleRate)
    {
        using var host = new InstrumentHost(sampleRate, 1024);
        var left = new List<float>();
        var right = new List<float>();
        host.InputEvents.Add(Vst3Event.NoteOnAt(0, A4, 0.7f));
        host.Render(sampleRate / 2, 1024, left, right);
        var period = sampleRate / 440.0;
        var start = sampleRate / 4;
        var best = Signal.BestPeriod(left, start, (int)(period * 8), (int)(period * 0.6), (int)(period * 1.5));
        Assert.InRange(best, period - 1.5, period + 1.5);
    }

    [Fact]
    public void LouderVelocityGivesLouderNotes()
    {
        double RmsFor(float velocity)
        {
            using var host = new InstrumentHost(48000, 512);
            var left = new List<float>();
            var right = new List<float>();
            host.InputEvents.Add(Vst3Event.NoteOnAt(0, 64, velocity));
            host.Render(9600, 512, left, right);
            return Signal.Rms(left, 0, 9600);
        }

        var soft = RmsFor(0.2f);
        var loud = RmsFor(1f);
        Assert.True(loud > soft * 1.5, $"loud {loud} soft {soft}");
    }

    [Fact]
    public void ChordsArePolyphonic()
    {
        using var host = new InstrumentHost(48000, 512);
        var left = new List<float>();
        var right = new List<float>();
        foreach (var pitch in new short[] { 60, 64, 67, 72 }) host.InputEvents.Add(Vst3Event.NoteOnAt(0, pitch, 0.8f));
        host.Render(4800, 512, left, right);
        var component = ComObject.From<Instrument.Euterpe>(host.Component);
        Assert.Equal(4, component.Synth.ActiveVoices);
    }

    [Fact]
    public void BlockSizeDoesNotChangeTheAudio()
    {
        // One 8192-frame block with the note at offset 1000 must equal 1-frame blocks with the note at frame 1000.
        List<float> Big()
        {
            using var host = new InstrumentHost(48000, 8192);
            var left = new List<float>();
            var right = new List<float>();
            host.InputEvents.Add(Vst3Event.NoteOnAt(1000, 57, 0.9f));
            host.InputEvents.Add(Vst3Event.NoteOffAt(5000, 57));
            host.Render(8192, 8192, left, right);
            return left;
        }

        List<float> Tiny()
        {
            using var host = new InstrumentHost(48000, 1);
            var left = new List<float>();
            var right = new List<float>();
            for (var frame = 0; frame < 8192; frame++)
            {
                if (frame == 1000) host.InputEvents.Add(Vst3Event.NoteOnAt(0, 57, 0.9f));
                if (frame == 5000) host.InputEvents.Add(Vst3Event.NoteOffAt(0, 57));
                host.Render(1, 1, left, right);
            }
            return left;
        }

        var big = Big();
        var tiny = Tiny();
        Assert.Equal(big.Count, tiny.Count);
        for (var i = 0; i < big.Count; i++) Assert.Equal(big[i], tiny[i]);
        Assert.True(Signal.Peak(big, 1000, 4000) > 0.01f);
    }

    [Fact]
    public void SixtyFourBitOutputMatchesThirtyTwoBit()
    {
        List<float> RenderWith(int sampleSize)
        {
            using var host = new InstrumentHost(48000, 256, sampleSize);
            var left = new List<float>();
            var right = new List<float>();
            host.InputEvents.Add(Vst3Event.NoteOnAt(17, 62, 0.6f));
            host.Render(4096, 256, left, right);
            return left;
        }

        var single = RenderWith(ProcessSetup.Sample32);
        var dbl = RenderWith(ProcessSetup.Sample64);
        Assert.Equal(single, dbl);
        Assert.True(Signal.Peak(dbl, 0, 4096) > 0.01f);
    }

    [Fact]
    public void BypassAndGainParametersArriveThroughParameterChanges()
    {
        using var host = new InstrumentHost(48000, 480);
        var left = new List<float>();
        var right = new List<float>();
        var gain = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.OutputGain)];
        host.ParameterChanges.Add(ParameterId.OutputGain, 0, gain.ToNormalized(0));
        host.InputEvents.Add(Vst3Event.NoteOnAt(0, 60, 0.8f));
        host.Render(4800, 480, left, right);
        var unity = Signal.Rms(left, 2400, 2400);

        host.ParameterChanges.Add(ParameterId.OutputGain, 0, gain.ToNormalized(-20));
        host.Render(4800, 480, left, right);
        var quieter = Signal.Rms(left, 4800 + 2400, 2400);
        // -20 dB is a tenth in amplitude; the note also decays a little meanwhile.
        Assert.InRange(quieter / unity, 0.05, 0.11);

        host.ParameterChanges.Add(ParameterId.Bypass, 0, 1);
        host.Render(4800, 480, left, right);
        Assert.Equal(0f, Signal.Peak(left, 9600 + 3600, 1200));
        Assert.Equal(0b11UL, host.LastSilenceFlags);
    }

    [Fact]
    public void DenseLoudChordsNeverExceedFullScaleAndQuietNotesPassUntouched()
    {
        using var host = new InstrumentHost(48000, 256);
        var left = new List<float>();
        var right = new List<float>();
        var gain = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.OutputGain)];
        host.ParameterChanges.Add(ParameterId.OutputGain, 0, gain.ToNormalized(gain.Max));
        // Every voice busy at full velocity, re-struck each beat: far above full scale without the limiter.
        for (var beat = 0; beat < 8; beat++)
        {
            for (var pitch = 36; pitch < 36 + ElectricPianoSynth.VoiceCount; pitch++)
                host.InputEvents.Add(Vst3Event.NoteOnAt(pitch % 7 * 37 % 256, (short)pitch, 1f));
            host.Render(24000, 256, left, right);
        }
        var peak = Math.Max(Signal.Peak(left, 0, left.Count), Signal.Peak(right, 0, right.Count));
        Assert.InRange(peak, 0.5f, OutputLimiter.Ceiling);

        // One soft note at the default gain stays far below the ceiling and is not touched by the limiter.
        var limiter = new OutputLimiter();
        limiter.SetSampleRate(48000);
        float[] quietLeft = [0.1f, -0.3f, 0.5f, -0.2f];
        float[] quietRight = [0.05f, 0.2f, -0.4f, 0.9f];
        var before = quietLeft.Concat(quietRight).ToArray();
        limiter.Process(quietLeft, quietRight);
        Assert.Equal(before, quietLeft.Concat(quietRight).ToArray());
        Assert.Equal(0, limiter.ReductionDb);
    }

    [Fact]
    public void SynthOffMakesNoSound()
    {
        using var host = new InstrumentHost(48000, 480);
        var left = new List<float>();
        var right = new List<float>();
        host.ParameterChanges.Add(ParameterId.SynthEnabled, 0, 0);
        host.Render(480, 480, left, right);
        host.InputEvents.Add(Vst3Event.NoteOnAt(0, 60, 1f));
        host.Render(4800, 480, left, right);
        Assert.Equal(0f, Signal.Peak(left, 0, left.Count));
    }

    [Fact]
    public unsafe void ProcessWithoutBuffersIsAParameterFlush()
    {
        using var host = new InstrumentHost(48000, 64);
        var data = new ProcessData { NumSamples = 0, NumOutputs = 0, InputParameterChanges = host.ParameterChanges.InterfacePointer() };
        host.ParameterChanges.Add(ParameterId.Bypass, 0, 1);
        var rc = ((delegate* unmanaged[Cdecl]<nint, ProcessData*, int>)Vtable.Slot(host.Processor, InstrumentHost.ProcessorProcess))(host.Processor, &data);
        Assert.Equal(Vst3Result.Ok, rc);
        Assert.Equal(1.0, ComObject.From<Instrument.Euterpe>(host.Component).ParameterValue(ParameterId.Bypass));
    }

    [Fact]
    public void GeneratedEventsAreVoicedAndSentOutAtTheirOffsets()
    {
        using var host = new InstrumentHost(48000, 512);
        var instrument = ComObject.From<Instrument.Euterpe>(host.Component);
        // The generator runs on its own thread; the audio thread (this one) consumes.
        var queued = 0;
        var generator = new Thread(() =>
        {
            if (instrument.TryQueueGenerated(Vst3Event.NoteOnAt(300, 72, 0.9f))) queued++;
            if (instrument.TryQueueGenerated(Vst3Event.NoteOnAt(50, 76, 0.9f))) queued++;
            if (instrument.TryQueueGenerated(Vst3Event.NoteOffAt(9999, 60))) queued++;
        });
        generator.Start();
        generator.Join();
        Assert.Equal(3, queued);
        InstrumentHost.Check(host.Process(512), "process");
        var sent = host.OutputEvents.Events.ToArray();
        Assert.Equal(3, sent.Length);
        Assert.Equal((50, (short)76), (sent[0].SampleOffset, sent[0].NoteOn.Pitch));
        Assert.Equal((300, (short)72), (sent[1].SampleOffset, sent[1].NoteOn.Pitch));
        Assert.Equal((511, Vst3Event.TypeNoteOff), (sent[2].SampleOffset, sent[2].Type));
        for (var i = 0; i < 50; i++) Assert.Equal(0f, host.Left(i));
        Assert.NotEqual(0f, host.Left(60));
        Assert.Equal(2, instrument.Synth.ActiveVoices);
    }

    [Fact]
    public void ParameterPointsTakeEffectAtTheirSampleOffset()
    {
        // Two identical runs; in one, bypass switches on at sample 100 of the last block.
        float[] RunWithBypassAt(int? offset)
        {
            using var host = new InstrumentHost(48000, 512);
            var left = new List<float>();
            var right = new List<float>();
            host.InputEvents.Add(Vst3Event.NoteOnAt(0, 60, 0.9f));
            host.Render(4608, 512, left, right);
            if (offset is int at) host.ParameterChanges.Add(ParameterId.Bypass, at, 1);
            InstrumentHost.Check(host.Process(512), "process");
            return Enumerable.Range(0, 512).Select(host.Left).ToArray();
        }

        var reference = RunWithBypassAt(null);
        var bypassed = RunWithBypassAt(100);
        Assert.Equal(reference[..100], bypassed[..100]);
        double Energy(float[] x, int from, int to) => x[from..to].Sum(v => (double)v * v);
        Assert.True(Energy(bypassed, 100, 512) < 0.5 * Energy(reference, 100, 512));
        Assert.True(Energy(reference, 100, 512) > 0);
    }

    [Fact]
    public unsafe void AnExceptionInsideAnEntryPointBecomesAResultCodeAndALogLine()
    {
        using var state = new TempFolder("euterpe-log-");
        var previous = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        Environment.SetEnvironmentVariable("XDG_STATE_HOME", state.Root);
        var broken = new ThrowingEventList();
        try
        {
            using var host = new InstrumentHost(48000, 256);
            var left = stackalloc float[256];
            var right = stackalloc float[256];
            var channels = stackalloc void*[2];
            channels[0] = left;
            channels[1] = right;
            var output = new AudioBusBuffers { NumChannels = 2, ChannelBuffers = channels };
            var data = new ProcessData { NumSamples = 256, NumOutputs = 1, Outputs = &output, InputEvents = broken.InterfacePointer() };
            var process = (delegate* unmanaged[Cdecl]<nint, ProcessData*, int>)Vtable.Slot(host.Processor, InstrumentHost.ProcessorProcess);
            // The broken list's getEvent throws inside our own IEventList thunk, which answers kInternalError;
            // process() skips those events and still renders (silence).
            Assert.Equal(Vst3Result.Ok, process(host.Processor, &data));
            Assert.Equal(0b11UL, output.SilenceFlags);
            Vst3Event e;
            Assert.Equal(Vst3Result.InternalError, ((delegate* unmanaged[Cdecl]<nint, int, Vst3Event*, int>)Vtable.Slot(broken.InterfacePointer(), 4))(broken.InterfacePointer(), 0, &e));
            var log = File.ReadAllText(state.Path("euterpe", "plugin.log"));
            Assert.Contains("getEvent: InvalidOperationException: event 0 is broken", log);
        }
        finally
        {
            broken.Release();
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", previous);
        }
    }
}
