namespace Euterpe.Vst3;

/// <summary>Calls into a connected IConnectionPoint, the peer's or a host's proxy of it (vtable: FUnknown, connect, disconnect, notify).</summary>
public static unsafe class ConnectionPointCalls
{
    private const int NotifySlot = 5;

    /// <summary>Hands <paramref name="message"/> to the peer; a null peer (not connected) is refused.</summary>
    public static int Notify(nint peer, nint message) =>
        peer == 0 ? Vst3Result.NotInitialized : ((delegate* unmanaged[Cdecl]<nint, nint, int>)(*(nint**)peer)[NotifySlot])(peer, message);
}
