namespace Euterpe.Vst3;

/// <summary>An IParamValueQueue we own: one parameter's (offset, value) points for a block, fixed capacity.</summary>
public sealed unsafe class ParamValueQueue : ComObject, IParamValueQueue
{
    private readonly int[] _offsets;
    private readonly double[] _values;
    private int _count;

    public ParamValueQueue(int capacity = 64) : base([ParamValueQueueThunks.Vtable])
    {
        _offsets = new int[capacity];
        _values = new double[capacity];
    }

    public uint ParameterId { get; private set; }

    public void Reset(uint id)
    {
        ParameterId = id;
        _count = 0;
    }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IParamValueQueue) ? 0 : -1;

    public uint GetParameterId() => ParameterId;

    public int GetPointCount() => _count;

    public int GetPoint(int index, int* sampleOffset, double* value)
    {
        if ((uint)index >= (uint)_count) return Vst3Result.InvalidArgument;
        *sampleOffset = _offsets[index];
        *value = _values[index];
        return Vst3Result.Ok;
    }

    public int AddPoint(int sampleOffset, double value, int* index)
    {
        if (_count == _offsets.Length) return Vst3Result.OutOfMemory;
        _offsets[_count] = sampleOffset;
        _values[_count] = value;
        *index = _count++;
        return Vst3Result.Ok;
    }
}
