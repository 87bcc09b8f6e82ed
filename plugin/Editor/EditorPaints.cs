using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>The editor's colours, paints and fonts, made once per view (Skia objects hold native memory: disposed with it).</summary>
public sealed class EditorPaints : IDisposable
{
    private readonly SKPaint[] _velocity = new SKPaint[16];
    private readonly SKPaint[] _velocityAhead = new SKPaint[16];
    private readonly List<IDisposable> _owned = [];

    public EditorPaints()
    {
        var typeface = SKFontManager.Default.MatchFamily("DejaVu Sans") ?? SKTypeface.Default;
        var bold = SKFontManager.Default.MatchFamily("DejaVu Sans", SKFontStyle.Bold) ?? typeface;
        Small = Own(new SKFont(typeface, 11));
        Normal = Own(new SKFont(typeface, 13));
        Title = Own(new SKFont(bold, 15));
        Background = Fill(0xFF202428);
        Panel = Fill(0xFF15181B);
        BlackKeyRow = Fill(0xFF1C2024);
        BeatLine = Stroke(0xFF2A3036, 1);
        BarLine = Stroke(0xFF3C444C, 1);
        Frame = Stroke(0xFF3C444C, 1);
        Playhead = Stroke(0xFFF2F2F2, 2);
        LookaheadShade = Fill(0x18FFFFFF);
        InputNote = Fill(0xFF5FD068);
        Text = Fill(0xFFE6E6E6);
        DimText = Fill(0xFF9AA3AB);
        KnobTrack = Stroke(0xFF3A4148, 5);
        KnobValue = Stroke(0xFF4FA3E0, 5);
        Button = Fill(0xFF2E343A);
        ButtonOn = Fill(0xFF2F6FA0);
        Accent = Fill(0xFF4FA3E0);
        Good = Fill(0xFF5FD068);
        Warn = Fill(0xFFE0B040);
        Bad = Fill(0xFFE05050);
        for (var i = 0; i < 16; i++)
        {
            var color = VelocityColor(i / 15f);
            _velocity[i] = Own(new SKPaint { Color = color, IsAntialias = false });
            _velocityAhead[i] = Own(new SKPaint { Color = color.WithAlpha(150), IsAntialias = false });
        }
    }

    public SKFont Small { get; }
    public SKFont Normal { get; }
    public SKFont Title { get; }
    public SKPaint Background { get; }
    public SKPaint Panel { get; }
    public SKPaint BlackKeyRow { get; }
    public SKPaint BeatLine { get; }
    public SKPaint BarLine { get; }
    public SKPaint Frame { get; }
    public SKPaint Playhead { get; }
    public SKPaint LookaheadShade { get; }
    public SKPaint InputNote { get; }
    public SKPaint Text { get; }
    public SKPaint DimText { get; }
    public SKPaint KnobTrack { get; }
    public SKPaint KnobValue { get; }
    public SKPaint Button { get; }
    public SKPaint ButtonOn { get; }
    public SKPaint Accent { get; }
    public SKPaint Good { get; }
    public SKPaint Warn { get; }
    public SKPaint Bad { get; }

    /// <summary>Soft notes blue, loud ones orange; notes not yet heard a little transparent.</summary>
    public SKPaint Velocity(int velocity, bool ahead) =>
        (ahead ? _velocityAhead : _velocity)[Math.Clamp(velocity, 0, 127) * 15 / 127];

    private static SKColor VelocityColor(float t)
    {
        // From (70, 130, 220) to (245, 150, 50).
        byte Mix(int a, int b) => (byte)(a + (b - a) * t);
        return new SKColor(Mix(70, 245), Mix(130, 150), Mix(220, 50));
    }

    private SKPaint Fill(uint argb) => Own(new SKPaint { Color = new SKColor(argb), IsAntialias = true, Style = SKPaintStyle.Fill });

    private SKPaint Stroke(uint argb, float width) =>
        Own(new SKPaint { Color = new SKColor(argb), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round });

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    public void Dispose()
    {
        foreach (var item in _owned) item.Dispose();
        _owned.Clear();
    }
}
