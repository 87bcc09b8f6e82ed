namespace Euterpe.Plugin.Generation;

/// <summary>
/// The audio thread's side of audio mode: each block it checks that the worker's stream belongs to the current
/// epoch (else it plays nothing of it), skips to where that epoch's audio starts in the ring, and mixes the ring's
/// samples into both channels as the block renders. Offline (a DAW's export, our render) a block waits, bounded,
/// until the worker has generated it. Allocates, locks and waits on nothing in real time.
/// </summary>
public sealed class AudioStreamPlayback(GenerationLink link, int chunkSize)
{
    private readonly float[] _scratch = new float[chunkSize];
    private int _streamEpoch = -1;
    private bool _active;

    /// <summary>Samples the audio thread asked for and the ring did not have (late worker), since construction.</summary>
    public long Underruns { get; private set; }

    /// <summary>Call once per block after the transport was read: whether this block plays the stream.</summary>
    public void Begin(int frames, bool wait)
    {
        _active = false;
        if (!link.AudioMode || !link.Playing) return;
        var epoch = link.Epoch;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (wait && link.AudioEpoch != epoch && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TransportPlayback.OfflineWaitLimit && link.AudioMode)
            Thread.Sleep(1);
        if (link.AudioEpoch != epoch) return; // the worker has not started this epoch's stream yet
        if (_streamEpoch != epoch)
        {
            link.Audio.SkipTo(link.AudioEpochStart);
            _streamEpoch = epoch;
        }
        while (wait && link.Audio.Count < frames && link.Epoch == epoch && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TransportPlayback.OfflineWaitLimit)
            Thread.Sleep(1);
        _active = true;
    }

    /// <summary>Mixes the next <c>left.Length</c> samples (at most the chunk size) into both channels.</summary>
    public void ReadAdd(Span<float> left, Span<float> right)
    {
        if (!_active) return;
        var scratch = _scratch.AsSpan(0, left.Length);
        scratch.Clear();
        var n = link.Audio.ReadAdd(scratch);
        if (n < scratch.Length) Underruns += scratch.Length - n;
        for (var i = 0; i < scratch.Length; i++)
        {
            left[i] += scratch[i];
            right[i] += scratch[i];
        }
    }
}
