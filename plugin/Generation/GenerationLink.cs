using Euterpe.Core.Realtime;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// Everything the audio thread and the generator worker share, all lock-free: notes (worker → audio) and
/// played input notes (audio → worker) in SPSC queues, the controls snapshot (instrument → worker), and atomics
/// for the transport (playhead in beats, tempo, metre, playing), the restart epoch, and trigger counters. A restart (start elsewhere, jump, loop,
/// stop, new seed, new model, "Regenerate") increments the epoch: the audio thread then releases its notes
/// and drops queued ones of older epochs; the worker starts the model again at the published playhead.
/// </summary>
public sealed class GenerationLink
{
    public const int NoteCapacity = 4096;
    public const int InputCapacity = 1024;

    private long _playheadBits;
    private long _tempoBits = BitConverter.DoubleToInt64Bits(120);
    private long _horizonBits;
    private long _workerAllocated;
    private long _workerPasses;
    private int _epoch;
    private int _horizonEpoch = -1;
    private int _playing;
    private int _quartersPerBarTimes1000 = 4000;
    private int _captureRequests;
    private int _fillClipRequests;
    private int _fillClipsDone;
    private int _themeStoreRequests;
    private int _themeStoresDone;
    private int _newThemeRequests;
    private int _regenerateRequests;
    private GenerationStatus _status = new(GenerationState.Off, "Off");
    private string? _lastClip;

    /// <summary>Generated audio at the host rate (audio presets), about 10 s at 48 kHz.</summary>
    public const int AudioCapacity = 1 << 19;

    private long _sampleRateBits = BitConverter.DoubleToInt64Bits(48000);
    private long _audioEpochStart;
    private int _audioEpoch = -1;
    private int _audioMode;

    public SpscQueue<GeneratedNote> Notes { get; } = new(NoteCapacity);

    /// <summary>The knobs the worker follows (instrument → worker, a snapshot at a time).</summary>
    public GenerationControlsExchange Controls { get; } = new();

    /// <summary>Generated audio (worker → audio thread) while an audio preset plays.</summary>
    public SpscSampleRing Audio { get; } = new(AudioCapacity);

    /// <summary>The host's sample rate (processor writes at setupProcessing; the worker resamples to it).</summary>
    public double SampleRate
    {
        get => BitConverter.Int64BitsToDouble(Volatile.Read(ref _sampleRateBits));
        set => Volatile.Write(ref _sampleRateBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>True while the loaded preset makes audio rather than notes (worker writes).</summary>
    public bool AudioMode
    {
        get => Volatile.Read(ref _audioMode) != 0;
        set => Volatile.Write(ref _audioMode, value ? 1 : 0);
    }

    /// <summary>The epoch whose audio starts at <see cref="AudioEpochStart"/> in <see cref="Audio"/> (−1: none yet).</summary>
    public int AudioEpoch => Volatile.Read(ref _audioEpoch);

    public long AudioEpochStart => Volatile.Read(ref _audioEpochStart);

    /// <summary>Worker: audio for <paramref name="epoch"/> starts at ring position <paramref name="start"/> (start first, then epoch).</summary>
    public void PublishAudioEpoch(int epoch, long start)
    {
        Volatile.Write(ref _audioEpochStart, start);
        Volatile.Write(ref _audioEpoch, epoch);
    }

    public SpscQueue<InputNote> Inputs { get; } = new(InputCapacity);

    /// <summary>Notes generated and played in, for the editor's piano roll (worker writes, UI reads).</summary>
    public NoteTimeline Timeline { get; } = new();

    private long _headroomBits = BitConverter.DoubleToInt64Bits(double.NaN);

    /// <summary>
    /// Seconds of music the worker generates per second it spends generating (smoothed; NaN before the first
    /// measurement or while an audio preset plays): above 1 it keeps ahead of real time on this machine.
    /// </summary>
    public double Headroom
    {
        get => BitConverter.Int64BitsToDouble(Volatile.Read(ref _headroomBits));
        set => Volatile.Write(ref _headroomBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Project position in quarter-note beats at the start of the latest block (audio thread writes).</summary>
    public double Playhead
    {
        get => BitConverter.Int64BitsToDouble(Volatile.Read(ref _playheadBits));
        set => Volatile.Write(ref _playheadBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Host tempo in quarter notes per minute (audio thread writes).</summary>
    public double Tempo
    {
        get => BitConverter.Int64BitsToDouble(Volatile.Read(ref _tempoBits));
        set => Volatile.Write(ref _tempoBits, BitConverter.DoubleToInt64Bits(value));
    }

    public bool Playing
    {
        get => Volatile.Read(ref _playing) != 0;
        set => Volatile.Write(ref _playing, value ? 1 : 0);
    }

    public double QuartersPerBar
    {
        get => Volatile.Read(ref _quartersPerBarTimes1000) / 1000.0;
        set => Volatile.Write(ref _quartersPerBarTimes1000, (int)Math.Round(value * 1000));
    }

    public int Epoch => Volatile.Read(ref _epoch);

    private int _workerSlot = -1;

    /// <summary>The Model slot whose generator made the queued notes (set by the worker when it switches models).</summary>
    public int WorkerSlot
    {
        get => Volatile.Read(ref _workerSlot);
        set => Volatile.Write(ref _workerSlot, value);
    }

    public int BumpEpoch() => Interlocked.Increment(ref _epoch);

    /// <summary>The worker has generated every note before this beat for epoch <see cref="HorizonEpoch"/>.</summary>
    public double Horizon => BitConverter.Int64BitsToDouble(Volatile.Read(ref _horizonBits));

    public int HorizonEpoch => Volatile.Read(ref _horizonEpoch);

    public void PublishHorizon(int epoch, double beat)
    {
        Volatile.Write(ref _horizonBits, BitConverter.DoubleToInt64Bits(beat));
        Volatile.Write(ref _horizonEpoch, epoch);
    }

    /// <summary>True when every note before <paramref name="beat"/> of the current epoch is queued (a host can pace on it).</summary>
    public bool IsReadyFor(double beat) => HorizonEpoch == Epoch && Horizon >= beat;

    /// <summary>Presses of Store Theme; the worker stores its model's current code as the theme once per press.</summary>
    public int ThemeStoreRequests => Volatile.Read(ref _themeStoreRequests);
    public void RequestThemeStore() => Interlocked.Increment(ref _themeStoreRequests);

    /// <summary>Theme stores the worker has carried out (a model without a theme counts too: it had nothing to store).</summary>
    public int ThemeStoresDone => Volatile.Read(ref _themeStoresDone);
    internal void ThemeStored() => Interlocked.Increment(ref _themeStoresDone);

    /// <summary>Presses of New Theme; the worker has its model draw a fresh z once per press.</summary>
    public int NewThemeRequests => Volatile.Read(ref _newThemeRequests);
    public void RequestNewTheme() => Interlocked.Increment(ref _newThemeRequests);
    /// <summary>Presses of Fill Clip; the worker has a pix2pix model fill the last captured clip once per press.</summary>
    public int FillClipRequests => Volatile.Read(ref _fillClipRequests);
    public void RequestFillClip() => Interlocked.Increment(ref _fillClipRequests);

    /// <summary>Fill Clip presses the worker has carried out (with no clip or no pix2pix model too: nothing to fill).</summary>
    public int FillClipsDone => Volatile.Read(ref _fillClipsDone);
    internal void FillClipDone() => Interlocked.Increment(ref _fillClipsDone);

    public int CaptureRequests => Volatile.Read(ref _captureRequests);
    public void RequestCapture() => Interlocked.Increment(ref _captureRequests);

    public int RegenerateRequests => Volatile.Read(ref _regenerateRequests);
    public void RequestRegenerate()
    {
        Interlocked.Increment(ref _regenerateRequests);
        BumpEpoch();
    }

    public GenerationState State => Status.State;

    /// <summary>One line: what plays, or what is wrong with the chosen preset.</summary>
    public string StatusText => Status.Text;

    /// <summary>State and text together, as one write published them (reading the two properties apart may mix two statuses).</summary>
    public GenerationStatus Status => Volatile.Read(ref _status);

    public void SetStatus(GenerationState state, string text) => Volatile.Write(ref _status, new GenerationStatus(state, text));

    /// <summary>Path of the latest clip written (null before the first).</summary>
    public string? LastClip
    {
        get => Volatile.Read(ref _lastClip);
        set => Volatile.Write(ref _lastClip, value);
    }

    /// <summary>Bytes the worker allocated in steady-state passes (after warm-up, loads and clip writes excluded).</summary>
    public long WorkerSteadyAllocatedBytes => Volatile.Read(ref _workerAllocated);

    public long WorkerSteadyPasses => Volatile.Read(ref _workerPasses);

    internal void AddWorkerPass(long allocated)
    {
        Interlocked.Add(ref _workerAllocated, allocated);
        Interlocked.Increment(ref _workerPasses);
    }
}
