using System.Runtime.CompilerServices;

namespace Euterpe.Vst3.Linux;

/// <summary>
/// Xlib's XEvent union (24 longs). Fields are read and written at their x86_64 offsets in Xlib.h: every event starts
/// with type, serial, send_event, display and its window; button and motion events then have root, subwindow, time,
/// x, y, x_root, y_root, state and button; configure events event, window, x, y, width, height.
/// </summary>
[InlineArray(24)]
public struct XEvent
{
    private long _first;

    public int Type
    {
        readonly get => Int(0);
        set => SetInt(0, value);
    }

    /// <summary>The window the event is for (xany.window).</summary>
    public nuint Window
    {
        readonly get => (nuint)this[4];
        set => this[4] = (long)value;
    }

    public readonly int X => Int(64);

    public readonly int Y => Int(68);

    /// <summary>Modifier and button state before the event (xbutton.state, xmotion.state).</summary>
    public readonly uint State => (uint)Int(80);

    public readonly uint Button => (uint)Int(84);

    public readonly int ConfigureWidth => Int(56);

    public readonly int ConfigureHeight => Int(60);

    /// <summary>A synthetic pointer event at (<paramref name="x"/>, <paramref name="y"/>) in <paramref name="window"/>.</summary>
    public static XEvent Pointer(int type, nuint window, int x, int y, uint state, uint button)
    {
        var e = new XEvent { Type = type, Window = window };
        e.SetInt(16, 1); // send_event
        e.SetInt(64, x);
        e.SetInt(68, y);
        e.SetInt(72, x);
        e.SetInt(76, y);
        e.SetInt(80, (int)state);
        e.SetInt(84, (int)button);
        e.SetInt(88, 1); // same_screen
        return e;
    }

    private readonly int Int(int offset) =>
        Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref Unsafe.As<long, byte>(ref Unsafe.AsRef(in _first)), offset));

    private void SetInt(int offset, int value) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref Unsafe.As<long, byte>(ref _first), offset), value);
}
