using System.Diagnostics;
using System.Text;
using Euterpe.Vst3;
using Euterpe.Vst3.Linux;

namespace Euterpe.Host;

/// <summary>
/// A plug-in's editor opened as a DAW opens it on Linux: createView("editor"), a top-level X window of the size the
/// view asks for, our <see cref="EditorFrame"/> (IPlugFrame + IRunLoop) set, attached with "X11EmbedWindowID".
/// <see cref="Run"/> then rolls the transport in real time (blocks processed as the wall clock passes, the view's
/// edits forwarded to the processor as parameter changes, its output parameters back to the controller) and serves
/// the run loop between blocks, all on the calling thread. <see cref="Screenshot"/> reads the window back (XGetImage).
/// </summary>
public sealed unsafe class EditorSession : IDisposable
{
    public const double SampleRate = 48000;
    public const int Block = 512;
    private static ReadOnlySpan<byte> X11Type => "X11EmbedWindowID\0"u8;

    private readonly List<(uint Id, double Value)> _edits = [];
    private Vst3Module? _module;
    private PluginInstance? _plugin;
    private ProcessBuffers? _buffers;
    private EditorFrame? _frame;
    private nint _view;
    private nint _display;
    private nuint _window;
    private bool _attached;
    private long _position;

    private EditorSession(string bundle)
    {
        Bundle = bundle;
    }

    public string Bundle { get; }

    public PluginInstance Plugin => _plugin!;

    public EditorFrame Frame => _frame!;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public double Tempo { get; set; } = 120;

    /// <summary>Project seconds played so far.</summary>
    public double Seconds => _position / SampleRate;

    /// <summary>Opens the bundle's editor in a new top-level window on <paramref name="display"/> (default: DISPLAY).</summary>
    public static EditorSession Open(string bundle, string? className = null, string? display = null)
    {
        var session = new EditorSession(bundle);
        try
        {
            session.Build(className, display ?? Environment.GetEnvironmentVariable("DISPLAY"));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private void Build(string? className, string? display)
    {
        if (string.IsNullOrEmpty(display)) throw new HostException(Bundle, "editor", "DISPLAY is not set: run under an X server (xvfb-run -a)");
        // The plug-in opens its own connection to DISPLAY, read with getenv (it is a NativeAOT library): the same display.
        ProcessEnvironment.Set("DISPLAY", display);
        _module = Vst3Module.Load(Bundle);
        _plugin = PluginInstance.Create(_module, className);
        if (_plugin.Controller == 0) throw new HostException(Bundle, "editor", "the plug-in has no edit controller");
        var name = "editor\0"u8;
        fixed (byte* p = name) _view = ((delegate* unmanaged[Cdecl]<nint, byte*, nint>)Call.Slot(_plugin.Controller, 17))(_plugin.Controller, p);
        if (_view == 0) throw new HostException(Bundle, "IEditController::createView(\"editor\")", "returned no view");
        fixed (byte* type = X11Type)
            if (PlugViewCalls.IsPlatformTypeSupported(_view, type) != Vst3Result.True)
                throw new HostException(Bundle, "IPlugView::isPlatformTypeSupported(X11EmbedWindowID)", "the view cannot embed in an X11 window");
        ViewRect size;
        Call.Check(Bundle, "IPlugView::getSize", PlugViewCalls.GetSize(_view, &size));
        if (size.Width <= 0 || size.Height <= 0) throw new HostException(Bundle, "IPlugView::getSize", $"{size.Width}x{size.Height}");

        var bytes = Encoding.UTF8.GetBytes(display + "\0");
        fixed (byte* p = bytes) _display = Xlib.XOpenDisplay(p);
        if (_display == 0) throw new HostException(Bundle, "editor", $"cannot open X display {display}");
        var screen = Xlib.XDefaultScreen(_display);
        var depth = Xlib.XDefaultDepth(_display, screen);
        if (depth is not (24 or 32)) throw new HostException(Bundle, "editor", $"X display {display} has depth {depth}; use a 24-bit screen (xvfb-run -s \"-screen 0 1280x1024x24\")");
        _window = Xlib.XCreateSimpleWindow(_display, Xlib.XRootWindow(_display, screen), 0, 0, (uint)size.Width, (uint)size.Height, 0, 0, 0);
        var title = "Euterpe editor (euterpe host)\0"u8;
        fixed (byte* t = title) Xlib.XStoreName(_display, _window, t);
        Xlib.XSelectInput(_display, _window, Xlib.StructureNotifyMask);
        Xlib.XMapWindow(_display, _window);
        Xlib.XSync(_display, 0);
        (Width, Height) = (size.Width, size.Height);

        _frame = new EditorFrame { ResizeRequested = (view, rect) => ResizeWindow(rect.Width, rect.Height) };
        Call.Check(Bundle, "IPlugView::setFrame", PlugViewCalls.SetFrame(_view, _frame.InterfacePointer()));
        fixed (byte* type = X11Type) Call.Check(Bundle, "IPlugView::attached", PlugViewCalls.Attached(_view, (nint)_window, type));
        _attached = true;

        _plugin.Start(SampleRate, Block, offline: false);
        _buffers = new ProcessBuffers(_plugin, SampleRate, Block);
    }

    /// <summary>Sets a parameter as a DAW does before playing: on the controller, and to the processor in the next block.</summary>
    public void SetParameter(uint id, double normalized)
    {
        Plugin.SetControllerParameter(id, normalized);
        _edits.Add((id, normalized));
    }

    /// <summary>Plays (or idles, <paramref name="playing"/> false) for <paramref name="duration"/> of wall time, serving the editor meanwhile.</summary>
    public void Run(TimeSpan duration, bool playing = true)
    {
        var clock = Stopwatch.StartNew();
        long processed = 0; // samples of wall time served (the project position stands still while stopped)
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * SampleRate);
            for (; processed + Block <= due; processed += Block) ProcessBlock(playing);
            _frame!.Pump(TimeSpan.FromMilliseconds(5));
            DrainHostEvents();
        }
    }

    /// <summary>Serves the run loop only (no audio) for <paramref name="duration"/>.</summary>
    public void Pump(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration) _frame!.Pump(TimeSpan.FromMilliseconds(5));
    }

    private void ProcessBlock(bool playing)
    {
        var buffers = _buffers!;
        buffers.BeginBlock(Block, _position, Tempo, 4, 4, playing);
        Plugin.Handler.DrainPending(_edits);
        foreach (var (id, value) in _edits) buffers.InputParameters.Add(id, 0, value);
        _edits.Clear();
        var rc = buffers.Process();
        if (rc != Vst3Result.Ok) throw new HostException(Bundle, "IAudioProcessor::process", $"returned {Call.ResultName(rc)} at sample {_position}");
        var changes = buffers.OutputParameters;
        for (var i = 0; i < changes.GetParameterCount(); i++)
        {
            var queue = new HostParamValueQueue(changes.GetParameterData(i));
            if (queue.PointCount > 0 && queue.TryGetPoint(queue.PointCount - 1, out _, out var value)) Plugin.TrySetControllerParameter(queue.ParameterId, value);
        }
        if (playing) _position += Block;
    }

    // Our own window's events (a window manager's resize) are not the plug-in's: they are read and dropped.
    private void DrainHostEvents()
    {
        XEvent e;
        while (Xlib.XPending(_display) > 0) Xlib.XNextEvent(_display, &e);
    }

    /// <summary>Resizes as a user dragging the window's corner would: checkSizeConstraint, the window, then onSize. Returns the size taken.</summary>
    public (int Width, int Height) Resize(int width, int height)
    {
        var rect = new ViewRect(0, 0, width, height);
        if (PlugViewCalls.CanResize(_view) != Vst3Result.True) throw new HostException(Bundle, "IPlugView::canResize", "the view cannot be resized");
        Call.Check(Bundle, "IPlugView::checkSizeConstraint", PlugViewCalls.CheckSizeConstraint(_view, &rect));
        ResizeWindow(rect.Width, rect.Height);
        Call.Check(Bundle, "IPlugView::onSize", PlugViewCalls.OnSize(_view, &rect));
        return (Width, Height);
    }

    private bool ResizeWindow(int width, int height)
    {
        Xlib.XResizeWindow(_display, _window, (uint)width, (uint)height);
        Xlib.XSync(_display, 0);
        (Width, Height) = (width, height);
        return true;
    }

    /// <summary>The editor's own child window of ours (what a user's pointer lands on).</summary>
    public nuint EditorWindow()
    {
        nuint root, parent;
        nuint* children;
        uint count;
        if (Xlib.XQueryTree(_display, _window, &root, &parent, &children, &count) == 0 || count == 0)
            throw new HostException(Bundle, "editor", "the view made no child window in ours");
        var child = children[count - 1];
        Xlib.XFree(children);
        return child;
    }

    /// <summary>Sends the editor a pointer event as the X server would (type: ButtonPress, MotionNotify, ButtonRelease).</summary>
    public void SendPointer(int type, int x, int y, uint button = 1)
    {
        var child = EditorWindow();
        var state = type == Xlib.ButtonPress ? 0 : Xlib.Button1Mask;
        var e = XEvent.Pointer(type, child, x, y, state, type == Xlib.MotionNotify ? 0 : button);
        var mask = type switch { Xlib.ButtonPress => Xlib.ButtonPressMask, Xlib.ButtonRelease => Xlib.ButtonReleaseMask, _ => Xlib.PointerMotionMask };
        Xlib.XSendEvent(_display, child, 0, mask, &e);
        Xlib.XFlush(_display);
    }

    /// <summary>The window as shown now: BGRA pixels, 4 bytes each, row by row.</summary>
    public byte[] Screenshot()
    {
        Xlib.XSync(_display, 0);
        var image = Xlib.XGetImage(_display, _window, 0, 0, (uint)Width, (uint)Height, nuint.MaxValue, Xlib.ZPixmap);
        if (image == null) throw new HostException(Bundle, "XGetImage", "the window could not be read");
        try
        {
            if (image->BitsPerPixel != 32) throw new HostException(Bundle, "XGetImage", $"{image->BitsPerPixel} bits per pixel; expected 32");
            var pixels = new byte[Width * Height * 4];
            for (var y = 0; y < Height; y++)
                new ReadOnlySpan<byte>(image->Data + y * image->BytesPerLine, Width * 4).CopyTo(pixels.AsSpan(y * Width * 4));
            return pixels;
        }
        finally
        {
            Xlib.XDestroyImage(image);
        }
    }

    public void Dispose()
    {
        if (_view != 0)
        {
            if (_attached) PlugViewCalls.Removed(_view);
            PlugViewCalls.SetFrame(_view, 0);
            ComPointer.Release(_view);
            _view = 0;
        }
        _frame?.Release();
        _frame = null;
        _buffers?.Dispose();
        _plugin?.Dispose();
        _module?.Dispose();
        if (_display != 0)
        {
            if (_window != 0) Xlib.XDestroyWindow(_display, _window);
            Xlib.XCloseDisplay(_display);
            _display = 0;
        }
    }
}
