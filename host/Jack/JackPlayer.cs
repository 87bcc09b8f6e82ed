using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Euterpe.Core;
using Euterpe.Vst3;

namespace Euterpe.Host.Jack;

/// <summary>
/// Plays a VST3 instrument as a JACK client: two audio outputs and a MIDI input. The process callback
/// is an [UnmanagedCallersOnly] function that touches only what was allocated before activation: JACK's
/// port buffers become the plug-in's output channels directly, events go into a fixed-size list, and the
/// plug-in's process() is called through its vtable. It records how long each callback took and whether
/// the thread allocated (GC.GetAllocatedBytesForCurrentThread counts the plug-in's managed code too).
/// </summary>
public sealed unsafe class JackPlayer : IDisposable
{
    private const int WarmupCallbacks = 16;

    private readonly PluginInstance _plugin;
    private readonly ProcessBuffers _buffers;
    private readonly ScheduledEvent[] _schedule;
    private readonly long[] _durations;
    private readonly double _tempo;
    private readonly int _channels;
    private readonly uint _maxFrames;
    private nint _client;
    private nint _left;
    private nint _right;
    private nint _midi;
    private GCHandle _self;
    private int _next;
    private long _position;
    private long _callbacks;
    private long _allocating;
    private long _errors;
    private long _jackMidi;
    private int _xruns;
    private float _peak;
    private long _overPeriod;
    private long _periodTicks;
    private int _policy = -1;

    private JackPlayer(PluginInstance plugin, nint client, ScheduledEvent[] schedule, double tempo, int sampleRate, uint period, int capacity)
    {
        _plugin = plugin;
        _client = client;
        _schedule = schedule;
        _tempo = tempo;
        _maxFrames = period;
        _durations = new long[capacity];
        _periodTicks = (long)(period / (double)sampleRate * Stopwatch.Frequency);
        plugin.Start(sampleRate, (int)period, offline: false);
        _buffers = new ProcessBuffers(plugin, sampleRate, (int)period);
        _buffers.SetRealtime(true);
        _channels = Math.Min(2, _buffers.OutputChannels);
        if (_channels == 0) throw new HostException(plugin.Module.BundlePath, "buses", "the audio module has no audio output");
    }

    public static PlayResult Play(PlayOptions options, Action<string>? log = null)
    {
        using var preset = PresetChoice.Prepare(options.Preset);
        using var module = Vst3Module.Load(options.Bundle);
        using var plugin = PluginInstance.Create(module, options.ClassName);
        var (presetNote, presetPoint) = preset.Apply(plugin, options.Bundle);
        if (presetNote.Length > 0) log?.Invoke($"warning: {presetNote}");
        if (presetPoint is { } point) plugin.SetControllerParameter(point.Id, point.Normalized);
        var client = Open(options);
        try
        {
            var sampleRate = (int)JackNative.GetSampleRate(client);
            var period = JackNative.GetBufferSize(client);
            var schedule = options.MidiIn is null ? [] : MidiInputSchedule.FromFile(options.MidiIn, sampleRate);
            var seconds = options.Seconds > 0 ? options.Seconds
                : schedule.Length > 0 ? schedule[^1].Sample / (double)sampleRate + 2 : 10;
            var capacity = (int)Math.Min(50_000_000, seconds * sampleRate / period * 2 + 4096);
            using var player = new JackPlayer(plugin, client, schedule, options.Tempo, sampleRate, period, capacity) { InitialParameter = presetPoint };
            client = 0; // the player closes it now
            return player.Run(options, seconds, sampleRate, log);
        }
        finally
        {
            if (client != 0) JackNative.ClientClose(client);
        }
    }

    private static nint Open(PlayOptions options)
    {
        try
        {
            // libjack writes its own diagnostics to stderr; we report failures in one line (EUTERPE_DEBUG=1 shows them).
            if (Environment.GetEnvironmentVariable("EUTERPE_DEBUG") != "1")
            {
                JackNative.SetErrorFunction(&Quiet);
                JackNative.SetInfoFunction(&Quiet);
            }
            var name = System.Text.Encoding.UTF8.GetBytes(options.ClientName + "\0");
            var server = options.ServerName is null ? null : System.Text.Encoding.UTF8.GetBytes(options.ServerName + "\0");
            int status;
            nint client;
            fixed (byte* n = name)
            fixed (byte* s = server)
                client = JackNative.ClientOpen(n, JackNative.NoStartServer | (s == null ? 0 : JackNative.ServerName), &status, s);
            if (client == 0)
                throw new EuterpeException($"jack: cannot open a client on {(options.ServerName ?? "the default server")} (status 0x{status:X}); is jackd running? e.g. jackd -d dummy -r 48000 -p 64");
            return client;
        }
        catch (DllNotFoundException)
        {
            throw new EuterpeException("libjack.so.0: not found; install JACK (libjack-jackd2-0)");
        }
    }

    private PlayResult Run(PlayOptions options, double seconds, int sampleRate, Action<string>? log)
    {
        _left = JackNative.PortRegister(_client, "out_1", JackNative.AudioType, JackNative.PortIsOutput, 0);
        _right = JackNative.PortRegister(_client, "out_2", JackNative.AudioType, JackNative.PortIsOutput, 0);
        _midi = JackNative.PortRegister(_client, "midi_in", JackNative.MidiType, JackNative.PortIsInput, 0);
        if (_left == 0 || _right == 0 || _midi == 0) throw new EuterpeException("jack: cannot register ports");
        _self = GCHandle.Alloc(this);
        var arg = (void*)GCHandle.ToIntPtr(_self);
        if (JackNative.SetProcessCallback(_client, &ProcessCallback, arg) != 0) throw new EuterpeException("jack: jack_set_process_callback failed");
        if (JackNative.SetXrunCallback(_client, &XrunCallback, arg) != 0) throw new EuterpeException("jack: jack_set_xrun_callback failed");
        WarmUp();
        var locked = LinuxScheduling.LockCurrentMemory();
        // Gen2 blocking collections would stall every thread, the JACK one included; keep them off while playing.
        var latencyMode = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        try
        {
            return RunActive(options, seconds, sampleRate, locked, log);
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = latencyMode;
        }
    }

    private PlayResult RunActive(PlayOptions options, double seconds, int sampleRate, bool locked, Action<string>? log)
    {
        if (JackNative.Activate(_client) != 0) throw new EuterpeException("jack: jack_activate failed");

        var connections = new List<string>();
        if (options.ConnectPlayback) ConnectPlayback(connections);
        log?.Invoke($"jack: {sampleRate} Hz, period {_maxFrames} frames; playing {seconds:0.#} s{(connections.Count > 0 ? $" into {string.Join(", ", connections)}" : "")}");

        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds && !options.Cancel.IsCancellationRequested) Thread.Sleep(20);
        JackNative.Deactivate(_client);
        collections = GC.CollectionCount(0) - collections; // gen-0 counts every collection (higher generations include it)

        var count = (int)Math.Clamp(Volatile.Read(ref _callbacks) - WarmupCallbacks, 0, _durations.Length);
        var sorted = _durations.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        var periodTicks = _maxFrames / (double)sampleRate * Stopwatch.Frequency;
        double Fraction(int index) => count == 0 ? 0 : sorted[Math.Clamp(index, 0, count - 1)] / periodTicks;
        return new PlayResult(sampleRate, (int)_maxFrames, clock.Elapsed.TotalSeconds, Volatile.Read(ref _callbacks), Volatile.Read(ref _xruns),
            Fraction(count / 2), Fraction((int)Math.Ceiling(count * 0.99) - 1), Fraction(count - 1),
            Volatile.Read(ref _allocating), Volatile.Read(ref _errors), _next, Volatile.Read(ref _jackMidi), connections, _peak)
        {
            OverPeriodCallbacks = Volatile.Read(ref _overPeriod),
            ThreadPolicy = LinuxScheduling.PolicyName(Volatile.Read(ref _policy)),
            MemoryLocked = locked,
            GarbageCollections = collections,
        };
    }

    /// <summary>A parameter the processor receives before the first real-time period (the preset chosen on the command line).</summary>
    public (uint Id, double Normalized)? InitialParameter { get; init; }

    /// <summary>
    /// Runs the plug-in's process() a few times (silent, no events) before JACK calls us, so its code and ours is
    /// compiled and first-use work is done here, not in the first real-time periods.
    /// </summary>
    private void WarmUp()
    {
        try
        {
            RuntimeHelpers.PrepareMethod(typeof(JackPlayer).GetMethod(nameof(Process), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.MethodHandle);
        }
        catch (ArgumentException)
        {
        }
        // Tiered compilation promotes a method after 30 calls and a quiet 100 ms; three rounds with pauses
        // let the tier-1 code (of our host and of a managed plug-in) be in place before the first real period.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 400; i++)
            {
                _buffers.BeginBlock((int)_maxFrames, 0, _tempo, 4, 4, playing: false);
                if (round == 0 && i == 0 && InitialParameter is { } p) _buffers.InputParameters.Add(p.Id, 0, p.Normalized);
                _plugin.Process(_buffers.Data);
            }
            Thread.Sleep(150);
        }
    }

    private void ConnectPlayback(List<string> connections)
    {
        var ports = JackNative.GetPorts(_client, null, JackNative.AudioType, JackNative.PortIsPhysical | JackNative.PortIsInput);
        if (ports == null) return;
        try
        {
            var ours = new[] { _left, _right };
            for (var i = 0; i < 2 && ports[i] != null; i++)
            {
                var source = Marshal.PtrToStringUTF8((nint)JackNative.PortName(ours[i]))!;
                var destination = Marshal.PtrToStringUTF8((nint)ports[i])!;
                if (JackNative.Connect(_client, source, destination) == 0) connections.Add(destination);
            }
        }
        finally
        {
            JackNative.Free(ports);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ProcessCallback(uint frames, void* arg)
    {
        var player = (JackPlayer)GCHandle.FromIntPtr((nint)arg).Target!;
        player.Process(frames);
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Quiet(byte* message)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int XrunCallback(void* arg)
    {
        var player = (JackPlayer)GCHandle.FromIntPtr((nint)arg).Target!;
        Interlocked.Increment(ref player._xruns);
        return 0;
    }

    private void Process(uint frames)
    {
        var start = Stopwatch.GetTimestamp();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var left = (float*)JackNative.PortGetBuffer(_left, frames);
        var right = (float*)JackNative.PortGetBuffer(_right, frames);
        if (frames > _maxFrames)
        {
            // The period grew past what setupProcessing promised: stay silent rather than break the contract.
            new Span<float>(left, (int)frames).Clear();
            new Span<float>(right, (int)frames).Clear();
            return;
        }
        _buffers.SetOutputChannel(0, left);
        if (_channels > 1) _buffers.SetOutputChannel(1, right);
        _buffers.BeginBlock((int)frames, _position, _tempo, 4, 4, playing: true);

        var midi = JackNative.PortGetBuffer(_midi, frames);
        var count = JackNative.MidiGetEventCount(midi);
        for (uint i = 0; i < count; i++)
        {
            JackNative.MidiEvent e;
            if (JackNative.MidiEventGet(&e, midi, i) != 0 || e.Size < 3) continue;
            var status = e.Buffer[0] & 0xF0;
            if (status is not (0x80 or 0x90)) continue;
            var on = status == 0x90 && e.Buffer[2] > 0;
            _buffers.AddNote(new ScheduledEvent(_position + e.Time, on, e.Buffer[1], on ? e.Buffer[2] / 127f : 0f, (short)(e.Buffer[0] & 0x0F)), (int)e.Time);
            _jackMidi++;
        }
        while (_next < _schedule.Length && _schedule[_next].Sample < _position + frames)
        {
            if (!_buffers.AddNote(_schedule[_next], (int)Math.Max(0, _schedule[_next].Sample - _position))) break;
            _next++;
        }

        if (_plugin.Process(_buffers.Data) != Vst3Result.Ok)
        {
            _errors++;
            new Span<float>(left, (int)frames).Clear();
        }
        if (_channels == 1) new Span<float>(left, (int)frames).CopyTo(new Span<float>(right, (int)frames));
        for (var i = 0; i < frames; i++) _peak = Math.Max(_peak, Math.Abs(left[i]));
        _position += frames;

        // The first callbacks attach the thread and compile code: they count neither as allocations nor in the timings.
        var callbacks = _callbacks;
        if (callbacks == 0) _policy = LinuxScheduling.CurrentPolicy();
        if (callbacks >= WarmupCallbacks)
        {
            if (GC.GetAllocatedBytesForCurrentThread() != allocatedBefore) _allocating++;
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (elapsed > _periodTicks) _overPeriod++;
            _durations[(callbacks - WarmupCallbacks) % _durations.Length] = elapsed;
        }
        Volatile.Write(ref _callbacks, callbacks + 1);
    }

    public void Dispose()
    {
        if (_client != 0)
        {
            JackNative.ClientClose(_client);
            _client = 0;
        }
        _buffers.Dispose();
        if (_self.IsAllocated) _self.Free();
    }
}
