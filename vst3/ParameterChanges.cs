namespace Euterpe.Vst3;

/// <summary>
/// An IParameterChanges we own (for hosting the plug-in ourselves, and tests): a fixed pool of
/// <see cref="ParamValueQueue"/>s reused every block, so filling it never allocates.
/// </summary>
public sealed unsafe class ParameterChanges : ComObject, IParameterChanges
{
    private readonly ParamValueQueue[] _queues;
    private int _count;

    public ParameterChanges(int capacity = 32) : base([ParameterChangesThunks.Vtable])
    {
        _queues = new ParamValueQueue[capacity];
        for (var i = 0; i < capacity; i++) _queues[i] = new ParamValueQueue();
    }

    public void Clear() => _count = 0;

    /// <summary>Adds one point for <paramref name="id"/>; false if the pool or the queue is full.</summary>
    public bool Add(uint id, int sampleOffset, double value)
    {
        int index;
        uint local = id;
        var queue = AddParameterData(&local, &index);
        if (queue == 0) return false;
        int point;
        return _queues[index].AddPoint(sampleOffset, value, &point) == Vst3Result.Ok;
    }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IParameterChanges) ? 0 : -1;

    protected override void OnFinalRelease()
    {
        foreach (var queue in _queues) queue.Release();
    }

    public int GetParameterCount() => _count;

    public nint GetParameterData(int index) =>
        (uint)index < (uint)_count ? _queues[index].InterfacePointer() : 0;

    public nint AddParameterData(uint* id, int* index)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_queues[i].ParameterId != *id) continue;
            *index = i;
            return _queues[i].InterfacePointer();
        }
        if (_count == _queues.Length) return 0;
        _queues[_count].Reset(*id);
        *index = _count;
        return _queues[_count++].InterfacePointer();
    }
}
