using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>A host event list that fails on every read: entry points must turn the exception into a result code.</summary>
internal sealed unsafe class ThrowingEventList() : ComObject([EventListThunks.Vtable]), IEventList
{
    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IEventList) ? 0 : -1;

    public int GetEventCount() => 3;

    public int GetEvent(int index, Vst3Event* e) => throw new InvalidOperationException($"event {index} is broken");

    public int AddEvent(Vst3Event* e) => throw new InvalidOperationException("cannot add");
}
