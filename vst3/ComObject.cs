using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>
/// A managed object that native code sees as a C++ object with one or more interface pointers.
/// Each interface is a two-word native block: [vtable pointer][GCHandle of this object]. Native
/// callers pass that block back as "this"; <see cref="From{T}"/> turns it into the managed object.
/// Lifetime follows COM rules: born with one reference; the last Release frees the native memory.
/// </summary>
public abstract unsafe class ComObject
{
    private readonly nint* _slots;
    private readonly int _slotCount;
    private GCHandle _self;
    private int _references = 1;

    protected ComObject(ReadOnlySpan<nint> vtables)
    {
        _slotCount = vtables.Length;
        _slots = (nint*)NativeMemory.AllocZeroed((nuint)(_slotCount * 2 * sizeof(nint)));
        _self = GCHandle.Alloc(this);
        for (var i = 0; i < _slotCount; i++)
        {
            _slots[2 * i] = vtables[i];
            _slots[2 * i + 1] = GCHandle.ToIntPtr(_self);
        }
    }

    /// <summary>Current reference count (for tests and diagnostics).</summary>
    public int References => Volatile.Read(ref _references);

    /// <summary>The native pointer of interface slot <paramref name="slot"/> (no AddRef).</summary>
    public nint InterfacePointer(int slot = 0)
    {
        if ((uint)slot >= (uint)_slotCount) throw new ArgumentOutOfRangeException(nameof(slot));
        return (nint)(_slots + 2 * slot);
    }

    /// <summary>The managed object behind a native interface pointer that we handed out.</summary>
    public static T From<T>(nint self) where T : class =>
        (T)GCHandle.FromIntPtr(((nint*)self)[1]).Target!;

    /// <summary>Slot that implements <paramref name="iid"/>, or -1. FUnknown must answer slot 0.</summary>
    protected abstract int SlotOf(in Tuid iid);

    public int QueryInterface(byte* iid, nint* result)
    {
        if (result == null) return Vst3Result.InvalidArgument;
        *result = 0;
        if (iid == null) return Vst3Result.InvalidArgument;
        var wanted = Tuid.Read(iid);
        var slot = wanted.Matches(Vst3Iids.FUnknown) ? 0 : SlotOf(wanted);
        if (slot < 0) return Vst3Result.NoInterface;
        AddRef();
        *result = InterfacePointer(slot);
        return Vst3Result.Ok;
    }

    public uint AddRef() => (uint)Interlocked.Increment(ref _references);

    public uint Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            OnFinalRelease();
            _self.Free();
            NativeMemory.Free(_slots);
        }
        return (uint)Math.Max(left, 0);
    }

    /// <summary>Called once when the last native reference goes away: release what we hold.</summary>
    protected virtual void OnFinalRelease()
    {
    }
}
