namespace Euterpe.Core.Realtime;

/// <summary>
/// Lock-free single-producer / single-consumer queue of blittable structs, for handing data to an audio
/// thread without locks or allocation. A power-of-two ring indexed by ever-increasing 64-bit counters:
/// the producer publishes an item by advancing <c>tail</c> with a release write after storing it; the
/// consumer frees a slot by advancing <c>head</c> the same way. Exactly one thread may enqueue and
/// exactly one (other) thread may dequeue.
/// </summary>
public sealed class SpscQueue<T> where T : unmanaged
{
    private readonly T[] _items;
    private readonly long _mask;
    private RingCounters _counters;

    public SpscQueue(int capacity)
    {
        if (capacity < 1 || capacity > 1 << 30)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be between 1 and 2^30");
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _items = new T[size];
        _mask = size - 1;
    }

    /// <summary>Slots in the ring (the requested capacity rounded up to a power of two).</summary>
    public int Capacity => _items.Length;

    /// <summary>Items waiting; exact only when neither side is running.</summary>
    public int Count => (int)(Volatile.Read(ref _counters.Tail) - Volatile.Read(ref _counters.Head));

    /// <summary>Producer side. False when the ring is full (the item is not stored).</summary>
    public bool TryEnqueue(in T item)
    {
        var tail = _counters.Tail;
        if (tail - Volatile.Read(ref _counters.Head) >= _items.Length) return false;
        _items[tail & _mask] = item;
        Volatile.Write(ref _counters.Tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side. False when the ring is empty.</summary>
    public bool TryDequeue(out T item)
    {
        var head = _counters.Head;
        if (head == Volatile.Read(ref _counters.Tail))
        {
            item = default;
            return false;
        }
        item = _items[head & _mask];
        Volatile.Write(ref _counters.Head, head + 1);
        return true;
    }

    /// <summary>Consumer side: copies up to destination.Length items; returns how many.</summary>
    public int DequeueInto(Span<T> destination)
    {
        var n = 0;
        while (n < destination.Length && TryDequeue(out destination[n])) n++;
        return n;
    }
}
