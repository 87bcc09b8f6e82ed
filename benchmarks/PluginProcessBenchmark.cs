using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.TestSupport;
using Euterpe.Vst3;

namespace Euterpe.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks -- plugin-process [SECONDS]`: the instrument generating from a
/// performance-event LSTM preset (the plug-in tests' model) at 48 kHz, 120 bpm. For 64/128/512-sample blocks it
/// times every process() call over SECONDS of music (default 60) and prints the median and p99 as a fraction of the
/// block's real-time budget; blocks run back to back, each waiting (untimed) until the worker has queued its notes.
/// Then, in real time, the wall time from instantiation to the model loaded and to the first note on the output bus.
/// </summary>
public static unsafe class PluginProcessBenchmark
{
    private const double SampleRate = 48000;

    public static int Run(double seconds)
    {
        var presets = BuildPreset();
        Environment.SetEnvironmentVariable(PresetCatalog.EnvironmentVariable, presets);
        PresetCatalog.Rescan();
        var slot = PresetCatalog.Shared.SlotOf("bench-performance-lstm", "");
        Console.WriteLine($"preset slot {slot}; {Environment.ProcessorCount} cores; {RuntimeInformation.FrameworkDescription}");
        foreach (var block in new[] { 64, 128, 512 }) TimeBlocks(block, seconds, slot);
        TimeToFirstNote(slot);
        Directory.Delete(presets, true);
        return 0;
    }

    private static void TimeBlocks(int block, double seconds, int slot)
    {
        using var rig = new Rig(block, slot);
        rig.WaitReady();
        var blocks = (int)(seconds * SampleRate / block);
        for (var i = 0; i < 2000; i++) rig.Block(pace: true); // warm-up
        var ticks = new long[blocks];
        var cpu = new long[blocks];
        long notes = 0;
        for (var i = 0; i < blocks; i++)
        {
            rig.Pace();
            var cpuStart = ThreadCpuNanoseconds();
            var start = Stopwatch.GetTimestamp();
            rig.Block(pace: false);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            cpu[i] = ThreadCpuNanoseconds() - cpuStart;
            notes += rig.NoteOns;
        }
        Array.Sort(ticks);
        Array.Sort(cpu);
        var budget = block / SampleRate;
        double Fraction(double quantile) => ticks[(int)Math.Min(blocks - 1, quantile * blocks)] / (double)Stopwatch.Frequency / budget;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"block {block,4}: {blocks} calls, wall median {Fraction(0.5):P3} of {budget * 1e6:F0} us, p99 {Fraction(0.99):P3}, max {ticks[^1] / (double)Stopwatch.Frequency / budget:P1}; "
            + $"thread CPU median {Cpu(0.5):P3}, p99 {Cpu(0.99):P3}; {notes} note-ons"));
        double Cpu(double quantile) => cpu[(int)Math.Min(blocks - 1, quantile * blocks)] / 1e9 / budget;
    }

    private static void TimeToFirstNote(int slot)
    {
        var start = Stopwatch.GetTimestamp();
        using var rig = new Rig(512, slot, playing: true);
        double? ready = null;
        while (true)
        {
            // Real time: a block no earlier than its time on the transport.
            var due = rig.SamplePosition / SampleRate;
            while (Stopwatch.GetElapsedTime(start).TotalSeconds < due) Thread.Sleep(0);
            rig.Block(pace: false);
            if (ready is null && rig.Link.State == GenerationState.Ready) ready = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (rig.NoteOns > 0) break;
            if (due > 30) throw new TimeoutException("no note in 30 s");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instantiation -> model ready {ready * 1000:F1} ms, -> first note on the output bus {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms (its musical time {rig.FirstNoteSeconds * 1000:F1} ms)"));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): what the call cost, without time spent preempted.</summary>
    private static long ThreadCpuNanoseconds()
    {
        ClockGetTime(3, out var t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    private static string BuildPreset()
    {
        var options = new PerformanceEncodingOptions { MinPitch = 48, MaxPitch = 83, StepSeconds = 0.02, MaxShiftSteps = 50, VelocityBins = 8 };
        var encoding = new PerformanceEncoding(options);
        var root = Path.Combine(Path.GetTempPath(), $"euterpe-bench-presets-{Environment.ProcessId}");
        var folder = Directory.CreateDirectory(Path.Combine(root, "bench")).FullName;
        // The plug-in tests' model, built for exactly these encoding options.
        File.Copy(OnnxTestModels.PathOf("performance_lstm.onnx"), Path.Combine(folder, "model.onnx"), overwrite: true);
        JsonElement Json(int v) => JsonSerializer.SerializeToElement(v);
        new ModelManifest
        {
            Id = "bench-performance-lstm", DisplayName = "Bench LSTM", Family = EventRnnFamily.Conditional,
            Representation = Representations.PerformanceEvents,
            Vocabulary = new ManifestVocabulary
            {
                Size = encoding.VocabularySize,
                Encoding = new ManifestEncodingReference
                {
                    Name = "performance-events",
                    Options = new() { ["minPitch"] = Json(48), ["maxPitch"] = Json(83), ["maxShiftSteps"] = Json(50), ["velocityBins"] = Json(8) },
                },
            },
            Timing = new ManifestTiming { SecondsPerStep = 0.02 },
            Io = new ManifestIo
            {
                TokenInput = new ManifestTensor { Name = "token", ElementType = "int64", Shape = [1, 1] },
                LogitsOutput = new ManifestTensor { Name = "logits", Shape = [1, encoding.VocabularySize] },
            },
            State = [new ManifestStatePair { Input = "h0", Output = "hn", Shape = [1, 1, 16] }, new ManifestStatePair { Input = "c0", Output = "cn", Shape = [1, 1, 16] }],
            Conditioning = [new ConditioningInput { Name = "cond", DisplayName = "Energy", Min = -1, Max = 1, Shape = [1, 1] }],
        }.Save(Path.Combine(folder, "manifest.json"));
        return root;
    }

    /// <summary>The instrument as a host holds it, called directly (no vtables), with native buffers and a playing transport.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly Plugin.Instrument.Euterpe _plugin = new();
        private readonly int _block;
        private readonly float* _left, _right;
        private readonly void** _channels;
        private readonly AudioBusBuffers* _output;
        private readonly ProcessData* _data;
        private readonly ProcessContext* _context;
        private readonly EventList _events = new(1024);
        private readonly ParameterChanges _changes = new();

        public Rig(int block, int slot, bool playing = false)
        {
            _block = block;
            _left = (float*)NativeMemory.AllocZeroed((nuint)(block * 4));
            _right = (float*)NativeMemory.AllocZeroed((nuint)(block * 4));
            _channels = (void**)NativeMemory.AllocZeroed((nuint)(2 * sizeof(nint)));
            _channels[0] = _left;
            _channels[1] = _right;
            _output = (AudioBusBuffers*)NativeMemory.AllocZeroed((nuint)sizeof(AudioBusBuffers));
            _data = (ProcessData*)NativeMemory.AllocZeroed((nuint)sizeof(ProcessData));
            _context = (ProcessContext*)NativeMemory.AllocZeroed((nuint)sizeof(ProcessContext));
            _plugin.Initialize(0);
            var setup = new ProcessSetup { ProcessMode = ProcessSetup.ModeRealtime, SymbolicSampleSize = ProcessSetup.Sample32, MaxSamplesPerBlock = block, SampleRate = SampleRate };
            _plugin.SetupProcessing(&setup);
            _plugin.SetActive(true);
            _plugin.SetProcessing(true);
            _changes.Add(ParameterId.Model, 0, InstrumentParameters.Find(ParameterId.Model)!.ToNormalized(slot));
            Playing = playing;
        }

        public bool Playing { get; set; }
        public long SamplePosition { get; private set; }
        public int NoteOns { get; private set; }
        public double FirstNoteSeconds { get; private set; } = double.NaN;
        public GenerationLink Link => _plugin.Generation;
        private double Beat => SamplePosition / SampleRate * 2;

        public void WaitReady()
        {
            while (Link.State != GenerationState.Ready)
            {
                if (Link.State == GenerationState.Error) throw new InvalidOperationException(Link.StatusText);
                Block(pace: false);
                Thread.Sleep(1);
            }
            Block(pace: false);
            Playing = true;
        }

        public void Pace()
        {
            var end = Beat + _block / SampleRate * 2;
            while (!Link.IsReadyFor(end)) Thread.Yield();
        }

        public void Block(bool pace)
        {
            if (pace && Playing) Pace();
            _context->State = ProcessContext.StateTempoValid | (1u << 9) | (Playing ? ProcessContext.StatePlaying : 0);
            _context->Tempo = 120;
            _context->SampleRate = SampleRate;
            _context->ProjectTimeSamples = SamplePosition;
            _context->ProjectTimeMusic = Beat;
            *_output = new AudioBusBuffers { NumChannels = 2, ChannelBuffers = _channels };
            *_data = new ProcessData
            {
                ProcessMode = ProcessSetup.ModeRealtime, SymbolicSampleSize = ProcessSetup.Sample32, NumSamples = _block, NumOutputs = 1,
                Outputs = _output, OutputEvents = _events.InterfacePointer(), InputParameterChanges = _changes.InterfacePointer(), ProcessContext = _context,
            };
            _events.Clear();
            _plugin.Process(_data);
            _changes.Clear();
            NoteOns = 0;
            foreach (var e in _events.Events)
            {
                if (e.Type != Vst3Event.TypeNoteOn) continue;
                if (NoteOns++ == 0 && double.IsNaN(FirstNoteSeconds)) FirstNoteSeconds = (SamplePosition + e.SampleOffset) / SampleRate;
            }
            if (Playing) SamplePosition += _block;
        }

        public void Dispose()
        {
            _plugin.SetProcessing(false);
            _plugin.SetActive(false);
            _plugin.Terminate();
            _events.Release();
            _changes.Release();
            NativeMemory.Free(_left);
            NativeMemory.Free(_right);
            NativeMemory.Free(_channels);
            NativeMemory.Free(_output);
            NativeMemory.Free(_data);
            NativeMemory.Free(_context);
        }
    }
}
