using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// What a host hands a plug-in's editor on Linux: IPlugFrame (resizeView, answered through <see cref="ResizeRequested"/>)
/// and IRunLoop, which keeps the file descriptors and timers a plug-in registers and serves them from
/// <see cref="Pump"/> on the host's UI thread (poll on the descriptors until the next timer is due). Registered
/// handlers are held (addRef) until unregistered or the frame is released.
/// </summary>
public sealed unsafe partial class EditorFrame : ComObject
{
    private static readonly nint FrameVtable = CreateFrameVtable();
    private static readonly nint RunLoopVtable = CreateRunLoopVtable();

    private readonly List<(nint Handler, int Fd)> _handlers = [];
    private readonly List<Timer> _timers = [];

    private sealed class Timer(nint handler, long intervalMs, long dueMs)
    {
        public nint Handler { get; } = handler;
        public long IntervalMs { get; } = intervalMs;
        public long DueMs { get; set; } = dueMs;
    }

    public EditorFrame() : base([FrameVtable, RunLoopVtable])
    {
    }

    /// <summary>The plug-in asked for a new size: the host resizes its window and answers true when it did (then calls onSize).</summary>
    public Func<nint, ViewRect, bool>? ResizeRequested { get; set; }

    public int EventHandlerCount => _handlers.Count;

    public int TimerCount => _timers.Count;

    /// <summary>Timer callbacks served so far.</summary>
    public long TimersFired { get; private set; }

    protected override int SlotOf(in Tuid iid)
    {
        if (iid.Matches(Vst3Iids.IPlugFrame)) return 0;
        if (iid.Matches(Vst3Iids.IRunLoop)) return 1;
        return -1;
    }

    protected override void OnFinalRelease()
    {
        foreach (var (handler, _) in _handlers) ComPointer.Release(handler);
        foreach (var timer in _timers) ComPointer.Release(timer.Handler);
        _handlers.Clear();
        _timers.Clear();
    }

    /// <summary>Serves ready descriptors and due timers, waiting at most <paramref name="maxWait"/> for something to do.</summary>
    public void Pump(TimeSpan maxWait)
    {
        var now = NowMs();
        var wait = (long)maxWait.TotalMilliseconds;
        foreach (var t in _timers) wait = Math.Min(wait, Math.Max(0, t.DueMs - now));
        var handlers = _handlers.ToArray();
        var fds = stackalloc PollFd[Math.Max(1, handlers.Length)];
        for (var i = 0; i < handlers.Length; i++) fds[i] = new PollFd { Fd = handlers[i].Fd, Events = PollIn };
        var ready = handlers.Length == 0 ? 0 : poll(fds, (nuint)handlers.Length, (int)wait);
        if (handlers.Length == 0 && wait > 0) Thread.Sleep((int)wait);
        for (var i = 0; i < handlers.Length && ready > 0; i++)
            if ((fds[i].Revents & PollIn) != 0 && _handlers.Contains(handlers[i])) RunLoopCalls.FdIsSet(handlers[i].Handler, handlers[i].Fd);
        now = NowMs();
        foreach (var t in _timers.ToArray())
        {
            if (t.DueMs > now || !_timers.Contains(t)) continue;
            t.DueMs = now + t.IntervalMs;
            TimersFired++;
            RunLoopCalls.Timer(t.Handler);
        }
    }

    private static long NowMs() => Environment.TickCount64;

    private int ResizeView(nint view, ViewRect* size) =>
        size == null ? Vst3Result.InvalidArgument : ResizeRequested?.Invoke(view, *size) == true ? Vst3Result.Ok : Vst3Result.False;

    private int Register(nint handler, int fd)
    {
        if (handler == 0 || fd < 0) return Vst3Result.InvalidArgument;
        ComPointer.AddRef(handler);
        _handlers.Add((handler, fd));
        return Vst3Result.Ok;
    }

    private int Unregister(nint handler)
    {
        var found = _handlers.RemoveAll(h => h.Handler == handler);
        for (var i = 0; i < found; i++) ComPointer.Release(handler);
        return found > 0 ? Vst3Result.Ok : Vst3Result.False;
    }

    private int RegisterTimer(nint handler, ulong milliseconds)
    {
        if (handler == 0 || milliseconds == 0) return Vst3Result.InvalidArgument;
        ComPointer.AddRef(handler);
        var interval = (long)Math.Min(milliseconds, int.MaxValue);
        _timers.Add(new Timer(handler, interval, NowMs() + interval));
        return Vst3Result.Ok;
    }

    private int UnregisterTimer(nint handler)
    {
        var found = _timers.RemoveAll(t => t.Handler == handler);
        for (var i = 0; i < found; i++) ComPointer.Release(handler);
        return found > 0 ? Vst3Result.Ok : Vst3Result.False;
    }

    private static nint CreateFrameVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 1);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, ViewRect*, int>)&ResizeViewThunk;
        return (nint)t;
    }

    private static nint CreateRunLoopVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 4);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int, int>)&RegisterEventHandlerThunk;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&UnregisterEventHandlerThunk;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, ulong, int>)&RegisterTimerThunk;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&UnregisterTimerThunk;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ResizeViewThunk(nint self, nint view, ViewRect* size)
    {
        try { return From<EditorFrame>(self).ResizeView(view, size); }
        catch (Exception e) { Vst3Log.Error("resizeView", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int RegisterEventHandlerThunk(nint self, nint handler, int fd) => From<EditorFrame>(self).Register(handler, fd);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int UnregisterEventHandlerThunk(nint self, nint handler) => From<EditorFrame>(self).Unregister(handler);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int RegisterTimerThunk(nint self, nint handler, ulong milliseconds) => From<EditorFrame>(self).RegisterTimer(handler, milliseconds);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int UnregisterTimerThunk(nint self, nint handler) => From<EditorFrame>(self).UnregisterTimer(handler);

    private const short PollIn = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeoutMs);
}
