namespace Euterpe.Vst3;

/// <summary>
/// Calls into the host's Linux IRunLoop (vtable: FUnknown, registerEventHandler, unregisterEventHandler,
/// registerTimer, unregisterTimer) and into the handlers a plug-in registered (IEventHandler::onFDIsSet,
/// ITimerHandler::onTimer, slot 3 of each).
/// </summary>
public static unsafe class RunLoopCalls
{
    private const int RegisterEventHandlerSlot = 3, UnregisterEventHandlerSlot = 4, RegisterTimerSlot = 5, UnregisterTimerSlot = 6;
    private const int HandlerSlot = 3;

    public static int RegisterEventHandler(nint runLoop, nint handler, int fd) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, int, int>)(*(nint**)runLoop)[RegisterEventHandlerSlot])(runLoop, handler, fd);

    public static int UnregisterEventHandler(nint runLoop, nint handler) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, int>)(*(nint**)runLoop)[UnregisterEventHandlerSlot])(runLoop, handler);

    public static int RegisterTimer(nint runLoop, nint handler, ulong milliseconds) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, ulong, int>)(*(nint**)runLoop)[RegisterTimerSlot])(runLoop, handler, milliseconds);

    public static int UnregisterTimer(nint runLoop, nint handler) =>
        ((delegate* unmanaged[Cdecl]<nint, nint, int>)(*(nint**)runLoop)[UnregisterTimerSlot])(runLoop, handler);

    /// <summary>Host side: tells a plug-in's IEventHandler that <paramref name="fd"/> is readable.</summary>
    public static void FdIsSet(nint eventHandler, int fd) =>
        ((delegate* unmanaged[Cdecl]<nint, int, void>)(*(nint**)eventHandler)[HandlerSlot])(eventHandler, fd);

    /// <summary>Host side: fires a plug-in's ITimerHandler.</summary>
    public static void Timer(nint timerHandler) =>
        ((delegate* unmanaged[Cdecl]<nint, void>)(*(nint**)timerHandler)[HandlerSlot])(timerHandler);
}
