using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>ViewRect (gui/iplugview.h): left, top, right, bottom in pixels on Linux; 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ViewRect
{
    public int Left;
    public int Top;
    public int Right;
    public int Bottom;

    public ViewRect(int left, int top, int right, int bottom)
    {
        Left = left;
        Top = top;
        Right = right;
        Bottom = bottom;
    }

    public readonly int Width => Right - Left;

    public readonly int Height => Bottom - Top;
}
