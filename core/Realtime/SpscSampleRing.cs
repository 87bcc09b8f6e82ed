namespace Euterpe.Core.Realtime;

/// <summary>
/// Lock-free single-producer / single-consumer ring of audio samples, written and read in spans (a worker thread
/// writes generated audio, the audio thread reads it). Positions are ever-increasing 64-bit sample counters: the
/// producer publishes samples by advancing <see cref="WritePosition"/> after storing them, the consumer frees them by
/// advancing its read position. The consumer may also skip ahead to a position the producer published (a restart).
/// </summary>
public sealed class SpscSampleRing
{
    private readonly float[] _samples;
    private readonly long _mask;
    private RingCounters _counters; // Tail: write position, Head: read position

    public SpscSampleRing(int capacity)
    {
        if (capacity < 1 || capacity > 1 << 28)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be between 1 and 2^28");
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _samples = new float[size];
        _mask = size - 1;
    }

    public int Capacity => _samples.Length;

    public long WritePosition => Volatile.Read(ref _counters.Tail);

    public long ReadPosition => Volatile.Read(ref _counters.Head);

    /// <summary>Samples written and not yet read.</summary>
    public int Count => (int)(WritePosition - ReadPosition);

    /// <summary>Producer: stores as many samples as fit; returns how many.</summary>
    public int Write(ReadOnlySpan<float> source)
    {
        var tail = _counters.Tail;
        var n = (int)Math.Min(source.Length, Capacity - (tail - Volatile.Read(ref _counters.Head)));
        for (var i = 0; i < n; i++) _samples[(tail + i) & _mask] = source[i];
        Volatile.Write(ref _counters.Tail, tail + n);
        return n;
    }

    /// <summary>Consumer: adds up to destination.Length samples into it (mixing); returns how many.</summary>
    public int ReadAdd(Span<float> destination)
    {
        var head = _counters.Head;
        var n = (int)Math.Min(destination.Length, Volatile.Read(ref _counters.Tail) - head);
        for (var i = 0; i < n; i++) destination[i] += _samples[(head + i) & _mask];
        Volatile.Write(ref _counters.Head, head + n);
        return n;
    }

    /// <summary>Consumer: drops everything before <paramref name="position"/> (never past what was written).</summary>
    public void SkipTo(long position)
    {
        var head = _counters.Head;
        var target = Math.Min(position, Volatile.Read(ref _counters.Tail));
        if (target > head) Volatile.Write(ref _counters.Head, target);
    }
}
