using System.Runtime.InteropServices;

namespace Euterpe.Vst3.Linux;

/// <summary>
/// The few libX11 calls an X11EmbedWindowID view and a host that embeds one need (Xlib.h, Xutil.h), with blittable
/// signatures so they work under NativeAOT. Windows, atoms and visuals' ids are XIDs (unsigned long); a Display and
/// an XImage are pointers. An XEvent is <see cref="XEvent"/>: 192 bytes read at the offsets Xlib lays them out.
/// </summary>
public static unsafe partial class Xlib
{
    private const string Library = "libX11.so.6";

    public const int ZPixmap = 2;

    public const long KeyPressMask = 1L << 0;
    public const long ButtonPressMask = 1L << 2;
    public const long ButtonReleaseMask = 1L << 3;
    public const long PointerMotionMask = 1L << 6;
    public const long ExposureMask = 1L << 15;
    public const long StructureNotifyMask = 1L << 17;

    public const int KeyPress = 2;
    public const int ButtonPress = 4;
    public const int ButtonRelease = 5;
    public const int MotionNotify = 6;
    public const int Expose = 12;
    public const int ConfigureNotify = 22;
    public const int ClientMessage = 33;

    public const uint Button1Mask = 1u << 8;

    [LibraryImport(Library)]
    public static partial nint XOpenDisplay(byte* name);

    [LibraryImport(Library)]
    public static partial int XCloseDisplay(nint display);

    [LibraryImport(Library)]
    public static partial int XConnectionNumber(nint display);

    [LibraryImport(Library)]
    public static partial int XDefaultScreen(nint display);

    [LibraryImport(Library)]
    public static partial nint XDefaultVisual(nint display, int screen);

    [LibraryImport(Library)]
    public static partial int XDefaultDepth(nint display, int screen);

    [LibraryImport(Library)]
    public static partial nuint XRootWindow(nint display, int screen);

    [LibraryImport(Library)]
    public static partial nuint XCreateSimpleWindow(nint display, nuint parent, int x, int y, uint width, uint height, uint borderWidth, nuint border, nuint background);

    [LibraryImport(Library)]
    public static partial int XDestroyWindow(nint display, nuint window);

    [LibraryImport(Library)]
    public static partial int XSelectInput(nint display, nuint window, long mask);

    [LibraryImport(Library)]
    public static partial int XMapWindow(nint display, nuint window);

    [LibraryImport(Library)]
    public static partial int XResizeWindow(nint display, nuint window, uint width, uint height);

    [LibraryImport(Library)]
    public static partial int XStoreName(nint display, nuint window, byte* name);

    [LibraryImport(Library)]
    public static partial nint XCreateGC(nint display, nuint drawable, nuint mask, nint values);

    [LibraryImport(Library)]
    public static partial int XFreeGC(nint display, nint gc);

    [LibraryImport(Library)]
    public static partial XImage* XCreateImage(nint display, nint visual, uint depth, int format, int offset, byte* data, uint width, uint height, int bitmapPad, int bytesPerLine);

    /// <summary>Frees the image and its data (which must come from malloc: NativeMemory.Alloc on Linux).</summary>
    [LibraryImport(Library)]
    public static partial int XDestroyImage(XImage* image);

    [LibraryImport(Library)]
    public static partial int XPutImage(nint display, nuint drawable, nint gc, XImage* image, int sourceX, int sourceY, int x, int y, uint width, uint height);

    [LibraryImport(Library)]
    public static partial XImage* XGetImage(nint display, nuint drawable, int x, int y, uint width, uint height, nuint planeMask, int format);

    [LibraryImport(Library)]
    public static partial int XPending(nint display);

    [LibraryImport(Library)]
    public static partial int XNextEvent(nint display, XEvent* e);

    [LibraryImport(Library)]
    public static partial int XSendEvent(nint display, nuint window, int propagate, long mask, XEvent* e);

    [LibraryImport(Library)]
    public static partial int XFlush(nint display);

    [LibraryImport(Library)]
    public static partial int XSync(nint display, int discard);

    [LibraryImport(Library)]
    public static partial int XQueryTree(nint display, nuint window, nuint* root, nuint* parent, nuint** children, uint* count);

    [LibraryImport(Library)]
    public static partial int XFree(void* data);

    [LibraryImport(Library)]
    public static partial nuint XInternAtom(nint display, byte* name, int onlyIfExists);

    /// <summary>Format 32 data is an array of C longs (8 bytes each on x86_64).</summary>
    [LibraryImport(Library)]
    public static partial int XChangeProperty(nint display, nuint window, nuint property, nuint type, int format, int mode, byte* data, int elements);

    public const int PropModeReplace = 0;

    [LibraryImport(Library)]
    public static partial int XGetGeometry(nint display, nuint drawable, nuint* root, int* x, int* y, uint* width, uint* height, uint* border, uint* depth);
}
