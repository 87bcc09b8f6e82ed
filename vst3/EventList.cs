namespace Euterpe.Vst3;

/// <summary>
/// An IEventList we own (for our output events, or for a host we drive, as in tests): a fixed-capacity
/// array, so adding events never allocates. Single-threaded by design, like a host's per-block list.
/// </summary>
public sealed unsafe class EventList : ComObject, IEventList
{
    private readonly Vst3Event[] _events;
    private int _count;

    public EventList(int capacity = 1024) : base([EventListThunks.Vtable]) => _events = new Vst3Event[capacity];

    public int Count => _count;

    public ReadOnlySpan<Vst3Event> Events => _events.AsSpan(0, _count);

    public void Clear() => _count = 0;

    public bool Add(in Vst3Event e)
    {
        if (_count == _events.Length) return false;
        _events[_count++] = e;
        return true;
    }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IEventList) ? 0 : -1;

    public int GetEventCount() => _count;

    public int GetEvent(int index, Vst3Event* e)
    {
        if ((uint)index >= (uint)_count) return Vst3Result.InvalidArgument;
        *e = _events[index];
        return Vst3Result.Ok;
    }

    public int AddEvent(Vst3Event* e) => Add(*e) ? Vst3Result.Ok : Vst3Result.OutOfMemory;
}
