using System.Runtime.InteropServices;
using Euterpe.Plugin.Diagnostics;
using Euterpe.Vst3;
using Euterpe.Vst3.Linux;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// Euterpe's IPlugView on Linux ("X11EmbedWindowID"): a child X window of the host's, drawn by
/// <see cref="EditorScene"/> through <see cref="X11Surface"/>. The host's IRunLoop (asked of the IPlugFrame) serves
/// the X connection's events and a redraw timer, so everything runs on the host's UI thread; the view has no thread of
/// its own. Default 900×520, resizable down to 720×440.
/// </summary>
public sealed unsafe class EditorView : ComObject, IPlugView, IRunLoopHandler
{
    public const ulong FrameMilliseconds = 33;
    private static ReadOnlySpan<byte> X11EmbedWindowId => "X11EmbedWindowID"u8;

    private readonly EditorScene _scene;
    private nint _frame;
    private nint _runLoop;
    private X11Surface? _surface;
    private int _width = EditorLayout.DefaultWidth;
    private int _height = EditorLayout.DefaultHeight;

    public EditorView(IEditorModel model) : base([PlugViewThunks.Vtable, RunLoopHandlerThunks.EventHandlerVtable, RunLoopHandlerThunks.TimerHandlerVtable])
    {
        // Before the scene's first Skia call: under NativeAOT nothing else finds libSkiaSharp.so beside the plug-in.
        SkiaLibrary.EnsureResolver();
        _scene = new EditorScene(model);
    }

    public EditorScene Scene => _scene;

    /// <summary>The editor's own X window while attached (0 otherwise).</summary>
    public nuint Window => _surface?.Window ?? 0;

    protected override int SlotOf(in Tuid iid)
    {
        if (iid.Matches(Vst3Iids.IPlugView)) return 0;
        if (iid.Matches(Vst3Iids.IEventHandler)) return 1;
        if (iid.Matches(Vst3Iids.ITimerHandler)) return 2;
        return -1;
    }

    protected override void OnFinalRelease()
    {
        Removed();
        ComPointer.Exchange(ref _frame, 0);
        _scene.Dispose();
    }

    public int IsPlatformTypeSupported(byte* type) => IsX11(type) ? Vst3Result.True : Vst3Result.False;

    public int Attached(nint parent, byte* type)
    {
        if (!IsX11(type) || parent == 0) return Vst3Result.False;
        if (_surface is not null) return Vst3Result.False;
        // Linux views live in the host's run loop; a frame without one gives us no way to get events.
        _runLoop = ComPointer.Query(_frame, Vst3Iids.IRunLoop);
        if (_runLoop == 0)
        {
            PluginLog.Write("editor: the host's IPlugFrame has no IRunLoop; the editor cannot open");
            return Vst3Result.False;
        }
        try
        {
            _surface = X11Surface.Open((nuint)parent, _width, _height);
        }
        catch (Exception e) when (e is Core.EuterpeException or DllNotFoundException or EntryPointNotFoundException)
        {
            PluginLog.Write(e.Message);
            ComPointer.Release(_runLoop);
            _runLoop = 0;
            return Vst3Result.False;
        }
        RunLoopCalls.RegisterEventHandler(_runLoop, InterfacePointer(1), _surface.ConnectionFd);
        RunLoopCalls.RegisterTimer(_runLoop, InterfacePointer(2), FrameMilliseconds);
        Redraw();
        return Vst3Result.Ok;
    }

    public int Removed()
    {
        if (_runLoop != 0)
        {
            RunLoopCalls.UnregisterTimer(_runLoop, InterfacePointer(2));
            RunLoopCalls.UnregisterEventHandler(_runLoop, InterfacePointer(1));
            ComPointer.Release(_runLoop);
            _runLoop = 0;
        }
        _surface?.Dispose();
        _surface = null;
        return Vst3Result.Ok;
    }

    public int OnWheel(float distance) => Vst3Result.False;

    public int OnKeyDown(char key, short keyCode, short modifiers) => Vst3Result.False;

    public int OnKeyUp(char key, short keyCode, short modifiers) => Vst3Result.False;

    public int GetSize(ViewRect* size)
    {
        *size = new ViewRect(0, 0, _width, _height);
        return Vst3Result.Ok;
    }

    public int OnSize(ViewRect* newSize)
    {
        (_width, _height) = EditorLayout.Constrain(newSize->Width, newSize->Height);
        _surface?.Resize(_width, _height);
        Redraw();
        return Vst3Result.Ok;
    }

    public int OnFocus(bool state) => Vst3Result.Ok;

    public int SetFrame(nint frame)
    {
        ComPointer.Exchange(ref _frame, frame);
        return Vst3Result.Ok;
    }

    public int CanResize() => Vst3Result.True;

    public int CheckSizeConstraint(ViewRect* rect)
    {
        var (width, height) = EditorLayout.Constrain(rect->Width, rect->Height);
        rect->Right = rect->Left + width;
        rect->Bottom = rect->Top + height;
        return Vst3Result.Ok;
    }

    public void OnFdIsSet(int fd) => DrainEvents();

    public void OnTimer()
    {
        DrainEvents();
        Redraw();
    }

    private void Redraw()
    {
        if (_surface is null) return;
        _scene.Refresh();
        _surface.Present(_scene.Paint);
    }

    private void DrainEvents()
    {
        var surface = _surface;
        if (surface is null) return;
        var repaint = false;
        while (surface.TryNextEvent(out var e))
        {
            switch (e.Type)
            {
                case Xlib.ButtonPress:
                    _scene.OnPress(e.X, e.Y, e.Button);
                    repaint = true;
                    break;
                case Xlib.MotionNotify:
                    _scene.OnMotion(e.X, e.Y);
                    repaint = true;
                    break;
                case Xlib.ButtonRelease:
                    _scene.OnRelease(e.X, e.Y, e.Button);
                    repaint = true;
                    break;
                case Xlib.Expose:
                    repaint = true;
                    break;
            }
        }
        if (repaint) Redraw();
    }

    private static bool IsX11(byte* type) =>
        type != null && MemoryMarshal.CreateReadOnlySpanFromNullTerminated(type).SequenceEqual(X11EmbedWindowId);
}
