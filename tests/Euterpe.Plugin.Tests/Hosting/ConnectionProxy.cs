using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>
/// What hosts such as Ardour and Steinberg's validator put between component and controller: an IConnectionPoint
/// standing in for one side's peer. Connecting it to the other side connects its source to the proxy; notify is
/// passed on only on the thread that made the proxy (the SDK's proxy drops messages from any other thread).
/// </summary>
internal sealed class ConnectionProxy : ComObject, IConnectionPoint
{
    private readonly Thread _owner = Thread.CurrentThread;
    private nint _source;
    private nint _destination;

    public ConnectionProxy(nint source) : base([ConnectionPointThunks.Vtable])
    {
        ComPointer.Exchange(ref _source, source);
    }

    /// <summary>Messages passed on, and dropped for arriving on another thread.</summary>
    public int Forwarded { get; private set; }

    public int Dropped { get; private set; }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IConnectionPoint) ? 0 : -1;

    protected override void OnFinalRelease()
    {
        ComPointer.Exchange(ref _destination, 0);
        ComPointer.Exchange(ref _source, 0);
    }

    public int Connect(nint other)
    {
        ComPointer.Exchange(ref _destination, other);
        return Vtable.CallInt(_source, 3, InterfacePointer());
    }

    public int Disconnect(nint other)
    {
        if (other != _destination) return Vst3Result.InvalidArgument;
        Vtable.CallInt(_source, 4, InterfacePointer());
        ComPointer.Exchange(ref _destination, 0);
        return Vst3Result.Ok;
    }

    public int Notify(nint message)
    {
        if (Thread.CurrentThread != _owner)
        {
            Dropped++;
            return Vst3Result.False;
        }
        Forwarded++;
        return ConnectionPointCalls.Notify(_destination, message);
    }
}
