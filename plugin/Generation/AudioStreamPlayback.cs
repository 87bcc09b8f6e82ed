namespace Euterpe.Plugin.Generation;

/// <summary>
/// The audio thread's side of audio mode: each block it checks that the worker's stream belongs to the current
/// epoch (else it plays nothing of it), skips to where that epoch's audio starts in the ring, and mixes the ring's
/// samples into both channels as the block renders. Offline (a DAW's export, our render) a block waits, bounded,
/// until the worker has generated it. Allocates, locks and waits on nothing in real time.
/// A restart while playing (a jump, a loop, a new seed) or a stop does not cut the sound: the old stream's next
/// 5 ms fade out, and a new stream that replaces a sounding one fades in over 5 ms.
/// </summary>
public sealed class AudioStreamPlayback(GenerationLink link, int chunkSize)
{
    /// <summary>Length of the fades, in seconds.</summary>
    public const double FadeSeconds = 0.005;

    private const int MaxFade = 1024; // 5 ms at 192 kHz is 960 samples

    private readonly float[] _scratch = new float[chunkSize];
    private readonly float[] _tail = new float[MaxFade];
    private int _streamEpoch = -1;
    private bool _active;
    private bool _wasPlaying;
    private int _fade = 1;
    private int _tailLength;
    private int _tailRead;
    private int _fadeIn;

    /// <summary>Samples the audio thread asked for and the ring did not have (late worker), since construction.</summary>
    public long Underruns { get; private set; }

    /// <summary>Call once per block after the transport was read: whether this block plays the stream.</summary>
    public void Begin(int frames, bool wait)
    {
        var wasActive = _active;
        var wasPlaying = _wasPlaying;
        _active = false;
        _wasPlaying = link.Playing;
        _fade = Math.Clamp((int)(link.SampleRate * FadeSeconds), 1, MaxFade);
        if (!link.AudioMode || !link.Playing)
        {
            if (wasActive) TakeTail();
            return;
        }
        var epoch = link.Epoch;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (wait && link.AudioEpoch != epoch && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TransportPlayback.OfflineWaitLimit && link.AudioMode)
            Thread.Sleep(1);
        var restarted = _streamEpoch != epoch;
        if (restarted && wasActive) TakeTail();
        if (link.AudioEpoch != epoch) return; // the worker has not started this epoch's stream yet
        if (restarted)
        {
            link.Audio.SkipTo(link.AudioEpochStart);
            _streamEpoch = epoch;
            // A restart while the transport plays fades in; a start from stop keeps the stream's first sample as it is.
            _fadeIn = wasPlaying ? _fade : 0;
        }
        while (wait && link.Audio.Count < frames && link.Epoch == epoch && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TransportPlayback.OfflineWaitLimit)
            Thread.Sleep(1);
        _active = true;
    }

    /// <summary>Mixes the next <c>left.Length</c> samples (at most the chunk size) into both channels.</summary>
    public void ReadAdd(Span<float> left, Span<float> right)
    {
        var pendingTail = _tailRead < _tailLength;
        if (!_active && !pendingTail) return;
        var scratch = _scratch.AsSpan(0, left.Length);
        scratch.Clear();
        if (_active)
        {
            var n = link.Audio.ReadAdd(scratch);
            if (n < scratch.Length) Underruns += scratch.Length - n;
            for (var i = 0; i < scratch.Length && _fadeIn > 0; i++, _fadeIn--) scratch[i] *= 1 - (float)_fadeIn / _fade;
        }
        for (var i = 0; i < scratch.Length && _tailRead < _tailLength; i++, _tailRead++)
            scratch[i] += _tail[_tailRead] * (1 - (float)(_tailRead + 1) / _fade);
        for (var i = 0; i < scratch.Length; i++)
        {
            left[i] += scratch[i];
            right[i] += scratch[i];
        }
    }

    /// <summary>Takes the old stream's next samples out of the ring, to fade out (never the new epoch's audio).</summary>
    private void TakeTail()
    {
        var ring = link.Audio;
        // Write position first: the worker publishes a new epoch's start before it writes that epoch's audio.
        var end = ring.WritePosition;
        if (link.AudioEpoch != _streamEpoch) end = Math.Min(end, link.AudioEpochStart);
        var n = (int)Math.Clamp(end - ring.ReadPosition, 0, _fade);
        var tail = _tail.AsSpan(0, n);
        tail.Clear();
        _tailLength = ring.ReadAdd(tail);
        _tailRead = 0;
    }
}
