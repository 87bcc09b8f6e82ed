namespace Euterpe.Vst3;

/// <summary>
/// Managed side of Linux's IEventHandler and ITimerHandler (gui/iplugview.h), which a plug-in registers with the host's
/// IRunLoop so that its file descriptors and timers are served on the host's UI thread.
/// </summary>
public interface IRunLoopHandler
{
    /// <summary>IEventHandler::onFDIsSet: <paramref name="fd"/> is readable.</summary>
    void OnFdIsSet(int fd);

    /// <summary>ITimerHandler::onTimer.</summary>
    void OnTimer();
}
