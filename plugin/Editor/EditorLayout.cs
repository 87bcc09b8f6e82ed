using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// Where each part of the editor sits for a window size: the Model picker across the top, the controls on the left,
/// the piano roll filling the right, under it the headroom meter and the clip capture button with the captured clips,
/// and the status line along the bottom. The controls column keeps its width; the piano roll takes what resizing adds.
/// </summary>
public readonly record struct EditorLayout(int Width, int Height)
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 520;
    public const int MinWidth = 720;
    public const int MinHeight = 440;
    public const int MaxSide = 4096;

    public const int KnobColumns = 5;
    public const float KnobWidth = 78;
    public const float KnobHeight = 74;
    public const float ButtonWidth = 76;
    public const float ButtonHeight = 26;

    public SKRect Header => new(0, 0, Width, 64);

    public SKRect PreviousModel => new(12, 12, 44, 52);

    public SKRect ModelName => new(48, 12, 468, 52);

    public SKRect NextModel => new(472, 12, 504, 52);

    public SKRect HeaderStatus => new(516, 12, Width - 12, 52);

    public SKRect Controls => new(12, 76, 12 + KnobColumns * KnobWidth, Height - 40);

    public SKRect PianoRoll => new(Controls.Right + 12, 76, Width - 12, Height - 132);

    public SKRect Headroom => new(PianoRoll.Left, Height - 122, Width - 12, Height - 100);

    public SKRect Capture => new(PianoRoll.Left, Height - 90, PianoRoll.Left + 120, Height - 58);

    public SKRect Clips => new(PianoRoll.Left + 132, Height - 92, Width - 12, Height - 40);

    public SKRect StatusLine => new(0, Height - 30, Width, Height);

    /// <summary>Knob <paramref name="index"/> of the controls, row by row.</summary>
    public SKRect Knob(int index)
    {
        var column = index % KnobColumns;
        var row = index / KnobColumns;
        var left = Controls.Left + column * KnobWidth;
        var top = Controls.Top + row * KnobHeight;
        return new SKRect(left, top, left + KnobWidth, top + KnobHeight);
    }

    /// <summary>Button <paramref name="index"/>, in rows under <paramref name="knobs"/> knobs.</summary>
    public SKRect Button(int index, int knobs)
    {
        var rows = (knobs + KnobColumns - 1) / KnobColumns;
        var top = Controls.Top + rows * KnobHeight + 8 + index / KnobColumns * (ButtonHeight + 6);
        var left = Controls.Left + index % KnobColumns * KnobWidth + 1;
        return new SKRect(left, top, left + ButtonWidth, top + ButtonHeight);
    }

    /// <summary>The nearest size the editor accepts (checkSizeConstraint).</summary>
    public static (int Width, int Height) Constrain(int width, int height) =>
        (Math.Clamp(width, MinWidth, MaxSide), Math.Clamp(height, MinHeight, MaxSide));
}
