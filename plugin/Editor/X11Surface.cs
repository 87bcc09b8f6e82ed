using System.Runtime.InteropServices;
using System.Text;
using Euterpe.Core;
using Euterpe.Vst3.Linux;
using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// The editor's X11 side: its own connection to the display the host runs on, a child window of the host's, and a
/// 32-bit pixel buffer that Skia draws into and XPutImage copies to the window. Every call happens on the host's UI
/// thread (attached, removed, and the run loop's callbacks); nothing here starts a thread.
/// </summary>
public sealed unsafe class X11Surface : IDisposable
{
    private nint _display;
    private nuint _window;
    private nint _gc;
    private nint _visual;
    private int _depth;
    private XImage* _image;
    private SKSurface? _surface;

    private X11Surface()
    {
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>The X connection's file descriptor, for the host's run loop.</summary>
    public int ConnectionFd => Xlib.XConnectionNumber(_display);

    public nuint Window => _window;

    public nint Display => _display;

    /// <summary>Opens the display named by DISPLAY and makes a child window of <paramref name="parent"/>.</summary>
    public static X11Surface Open(nuint parent, int width, int height)
    {
        var surface = new X11Surface();
        try
        {
            surface.Create(parent, width, height);
            return surface;
        }
        catch
        {
            surface.Dispose();
            throw;
        }
    }

    private void Create(nuint parent, int width, int height)
    {
        // DISPLAY as the process environment holds it (our host sets it there for the display it opens).
        var name = Environment.GetEnvironmentVariable("DISPLAY");
        if (string.IsNullOrEmpty(name)) throw new EuterpeException("editor: DISPLAY is not set; no X server to draw on");
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = bytes) _display = Xlib.XOpenDisplay(p);
        if (_display == 0) throw new EuterpeException($"editor: cannot open X display {name}");
        var screen = Xlib.XDefaultScreen(_display);
        _visual = Xlib.XDefaultVisual(_display, screen);
        _depth = Xlib.XDefaultDepth(_display, screen);
        if (_depth is not (24 or 32)) throw new EuterpeException($"editor: X display {name} has depth {_depth}; the editor draws 24- or 32-bit colour");
        _window = Xlib.XCreateSimpleWindow(_display, parent, 0, 0, (uint)width, (uint)height, 0, 0, 0x202428);
        if (_window == 0) throw new EuterpeException($"editor: cannot create a window in X window 0x{parent:X}");
        Xlib.XSelectInput(_display, _window, Xlib.ExposureMask | Xlib.ButtonPressMask | Xlib.ButtonReleaseMask
            | Xlib.PointerMotionMask | Xlib.StructureNotifyMask | Xlib.KeyPressMask);
        AnnounceXEmbed();
        _gc = Xlib.XCreateGC(_display, _window, 0, 0);
        Allocate(width, height);
        Xlib.XMapWindow(_display, _window);
        Xlib.XFlush(_display);
    }

    /// <summary>
    /// VST3's X11EmbedWindowID follows the XEmbed protocol: the client window says which version it speaks and that it
    /// wants to be shown (_XEMBED_INFO = version 0, XEMBED_MAPPED), so embedders built on XEmbed sockets map it.
    /// </summary>
    private void AnnounceXEmbed()
    {
        var name = "_XEMBED_INFO\0"u8;
        nuint atom;
        fixed (byte* p = name) atom = Xlib.XInternAtom(_display, p, 0);
        var info = stackalloc long[2] { 0, 1 };
        Xlib.XChangeProperty(_display, _window, atom, atom, 32, Xlib.PropModeReplace, (byte*)info, 2);
    }

    /// <summary>A pixel buffer and Skia surface of the new size (the old ones go), and the window follows.</summary>
    public void Resize(int width, int height)
    {
        if (width == Width && height == Height) return;
        Free();
        Allocate(width, height);
        Xlib.XResizeWindow(_display, _window, (uint)width, (uint)height);
    }

    private void Allocate(int width, int height)
    {
        Width = Math.Max(1, width);
        Height = Math.Max(1, height);
        var rowBytes = Width * 4;
        // malloc'd: XDestroyImage frees the data with free().
        var pixels = (byte*)NativeMemory.AllocZeroed((nuint)(rowBytes * Height));
        _image = Xlib.XCreateImage(_display, _visual, (uint)_depth, Xlib.ZPixmap, 0, pixels, (uint)Width, (uint)Height, 32, rowBytes);
        if (_image == null)
        {
            NativeMemory.Free(pixels);
            throw new EuterpeException("editor: XCreateImage failed");
        }
        // X's 24/32-bit TrueColor on a little-endian machine is B, G, R, X in memory: Skia's BGRA.
        _surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Bgra8888, SKAlphaType.Premul), (nint)pixels, rowBytes)
            ?? throw new EuterpeException("editor: Skia could not wrap the pixel buffer");
    }

    /// <summary>Draws a frame with <paramref name="paint"/> and shows it.</summary>
    public void Present(Action<SKCanvas, int, int> paint)
    {
        if (_surface is null || _image == null) return;
        paint(_surface.Canvas, Width, Height);
        _surface.Canvas.Flush();
        Xlib.XPutImage(_display, _window, _gc, _image, 0, 0, 0, 0, (uint)Width, (uint)Height);
        Xlib.XFlush(_display);
    }

    /// <summary>Takes the next pending event; false when none is queued.</summary>
    public bool TryNextEvent(out XEvent e)
    {
        e = default;
        if (_display == 0 || Xlib.XPending(_display) == 0) return false;
        fixed (XEvent* p = &e) Xlib.XNextEvent(_display, p);
        return true;
    }

    private void Free()
    {
        _surface?.Dispose();
        _surface = null;
        if (_image != null) Xlib.XDestroyImage(_image);
        _image = null;
    }

    public void Dispose()
    {
        Free();
        if (_display == 0) return;
        if (_gc != 0) Xlib.XFreeGC(_display, _gc);
        if (_window != 0) Xlib.XDestroyWindow(_display, _window);
        Xlib.XSync(_display, 0);
        Xlib.XCloseDisplay(_display);
        _display = 0;
        _window = 0;
        _gc = 0;
    }
}
