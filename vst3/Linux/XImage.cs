using System.Runtime.InteropServices;

namespace Euterpe.Vst3.Linux;

/// <summary>The leading fields of Xlib's XImage (Xlib.h) on x86_64, up to bits_per_pixel; Xlib owns the rest.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct XImage
{
    public int Width;
    public int Height;
    public int XOffset;
    public int Format;
    public byte* Data;
    public int ByteOrder;
    public int BitmapUnit;
    public int BitmapBitOrder;
    public int BitmapPad;
    public int Depth;
    public int BytesPerLine;
    public int BitsPerPixel;
}
