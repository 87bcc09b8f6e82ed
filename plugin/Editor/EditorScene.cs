using System.Globalization;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// The editor's contents and behaviour, apart from any window system: what each part shows (read from the controller
/// and from what the component publishes, each frame) and what a press, drag or release does. Knobs turn by vertical
/// drag (200 pixels for the whole range) or the wheel; buttons toggle, triggers fire while held; the arrows step the
/// Model. Every change goes to the host as beginEdit / performEdit / endEdit, so it is recorded as automation and
/// reaches the processor as a DAW sends it.
/// </summary>
public sealed class EditorScene : IDisposable
{
    private const float DragPixels = 200;
    private const int ClipsShown = 3;
    private const int ClipRefreshFrames = 60;

    private readonly IEditorModel _model;
    private readonly EditorPaints _paints = new();
    private readonly PianoRoll _roll = new();
    private IReadOnlyList<uint> _knobs = [];
    private IReadOnlyList<uint> _buttons = [];
    private int _shownSlot = -1;
    private ModelInfo _info = new("", "", 0);
    private string[] _clips = [];
    private string? _lastClip;
    private int _frames;

    // The gesture in progress: which parameter, where it started, its value then.
    private uint? _dragging;
    private float _dragStartY;
    private double _dragStartValue;
    private uint? _held;

    public EditorScene(IEditorModel model)
    {
        _model = model;
    }

    public EditorLayout Layout { get; set; } = new(EditorLayout.DefaultWidth, EditorLayout.DefaultHeight);

    public PianoRoll Roll => _roll;

    /// <summary>Parameters shown as knobs and as buttons for the model chosen now.</summary>
    public IReadOnlyList<uint> Knobs => _knobs;

    public IReadOnlyList<uint> Buttons => _buttons;

    /// <summary>Where the knob or button of <paramref name="id"/> is (null when not shown).</summary>
    public SKRect? RectOf(uint id)
    {
        for (var i = 0; i < _knobs.Count; i++)
            if (_knobs[i] == id) return Layout.Knob(i);
        for (var i = 0; i < _buttons.Count; i++)
            if (_buttons[i] == id) return Layout.Button(i, _knobs.Count);
        if (id == ParameterId.CaptureClip) return Layout.Capture;
        return null;
    }

    /// <summary>Reads what changed since the last frame: the chosen model's controls, the captured clips.</summary>
    public void Refresh()
    {
        var slot = (int)InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.Model)].ToPlain(_model.Value(ParameterId.Model));
        if (slot != _shownSlot)
        {
            _shownSlot = slot;
            var entry = PresetCatalog.Shared.AtSlot(slot);
            var all = FamilyControls.For(entry);
            _knobs = all.Where(id => !FamilyControls.IsButton(id)).ToArray();
            _buttons = all.Where(FamilyControls.IsButton).ToArray();
            _info = ModelInfo.Of(entry);
        }
        var last = _model.Feed()?.LastClip;
        if (_frames++ % ClipRefreshFrames == 0 || last != _lastClip)
        {
            _lastClip = last;
            _clips = RecentClips();
        }
    }

    private static string[] RecentClips()
    {
        try
        {
            var folder = new DirectoryInfo(ClipRecorder.DefaultFolder());
            if (!folder.Exists) return [];
            return folder.GetFiles("*.mid").OrderByDescending(f => f.LastWriteTimeUtc).Take(ClipsShown).Select(f => f.Name).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public void Paint(SKCanvas canvas, int width, int height)
    {
        Layout = new EditorLayout(width, height);
        var p = _paints;
        canvas.Clear(p.Background.Color);
        var feed = _model.Feed();
        DrawHeader(canvas, feed);
        for (var i = 0; i < _knobs.Count; i++) DrawKnob(canvas, Layout.Knob(i), _knobs[i]);
        for (var i = 0; i < _buttons.Count; i++) DrawButton(canvas, Layout.Button(i, _knobs.Count), _buttons[i]);
        if (feed is not null) _roll.Update(feed.Timeline, feed.Epoch);
        _roll.Draw(canvas, Layout.PianoRoll, feed?.Playhead ?? 0, p);
        DrawHeadroom(canvas, feed);
        DrawButton(canvas, Layout.Capture, ParameterId.CaptureClip);
        DrawClips(canvas);
        DrawStatusLine(canvas, feed);
    }

    private void DrawHeader(SKCanvas canvas, GenerationLink? feed)
    {
        var p = _paints;
        var l = Layout;
        canvas.DrawRect(l.Header, p.Panel);
        DrawArrow(canvas, l.PreviousModel, "◀");
        DrawArrow(canvas, l.NextModel, "▶");
        canvas.DrawRoundRect(l.ModelName, 4, 4, p.Button);
        var name = PresetCatalog.Shared.LabelOf(_shownSlot);
        canvas.DrawText(Fit(name, l.ModelName.Width - 16, p.Title), l.ModelName.Left + 8, l.ModelName.Top + 18, SKTextAlign.Left, p.Title, p.Text);
        canvas.DrawText(Fit(_info.Line, l.ModelName.Width - 16, p.Small), l.ModelName.Left + 8, l.ModelName.Top + 34, SKTextAlign.Left, p.Small, p.DimText);
        var status = feed?.Status;
        var state = status?.State ?? GenerationState.Off;
        var dot = state switch { GenerationState.Ready => p.Good, GenerationState.Loading => p.Warn, GenerationState.Error => p.Bad, _ => p.DimText };
        canvas.DrawCircle(l.HeaderStatus.Left + 8, l.HeaderStatus.MidY, 6, dot);
        canvas.DrawText("EUTERPE", l.HeaderStatus.Right, l.HeaderStatus.Top + 14, SKTextAlign.Right, p.Title, p.Accent);
        canvas.DrawText(Fit(status?.Text ?? "no connection to the component", l.HeaderStatus.Width - 24, p.Normal),
            l.HeaderStatus.Left + 20, l.HeaderStatus.Bottom - 6, SKTextAlign.Left, p.Normal, p.Text);
    }

    private void DrawArrow(SKCanvas canvas, SKRect rect, string glyph)
    {
        canvas.DrawRoundRect(rect, 4, 4, _paints.Button);
        canvas.DrawText(glyph, rect.MidX, rect.MidY + 5, SKTextAlign.Center, _paints.Normal, _paints.Text);
    }

    private void DrawKnob(SKCanvas canvas, SKRect cell, uint id)
    {
        var p = _paints;
        var definition = InstrumentParameters.Find(id)!;
        var value = _model.Value(id);
        var radius = 18f;
        var centre = new SKPoint(cell.MidX, cell.Top + 26);
        var oval = new SKRect(centre.X - radius, centre.Y - radius, centre.X + radius, centre.Y + radius);
        canvas.DrawArc(oval, 135, 270, false, p.KnobTrack);
        if (value > 0.001) canvas.DrawArc(oval, 135, (float)(270 * Math.Clamp(value, 0, 1)), false, _dragging == id ? p.Playhead : p.KnobValue);
        var angle = (135 + 270 * value) * Math.PI / 180;
        canvas.DrawLine(centre.X, centre.Y, centre.X + (float)Math.Cos(angle) * (radius - 4), centre.Y + (float)Math.Sin(angle) * (radius - 4), p.Playhead);
        canvas.DrawText(Fit(_model.Title(id), cell.Width - 4, p.Small), cell.MidX, cell.Top + 56, SKTextAlign.Center, p.Small, p.Text);
        canvas.DrawText(Fit(_model.Text(definition, value), cell.Width - 4, p.Small), cell.MidX, cell.Top + 69, SKTextAlign.Center, p.Small, p.DimText);
    }

    private void DrawButton(SKCanvas canvas, SKRect rect, uint id)
    {
        var p = _paints;
        var on = FamilyControls.IsTrigger(id) ? _held == id : _model.Value(id) >= 0.5;
        canvas.DrawRoundRect(rect, 4, 4, on ? p.ButtonOn : p.Button);
        var font = rect.Height > 28 ? p.Normal : p.Small;
        canvas.DrawText(Fit(_model.Title(id), rect.Width - 6, font), rect.MidX, rect.MidY + 4, SKTextAlign.Center, font, p.Text);
    }

    private void DrawHeadroom(SKCanvas canvas, GenerationLink? feed)
    {
        var p = _paints;
        var area = Layout.Headroom;
        canvas.DrawRect(area, p.Panel);
        var headroom = feed?.Headroom ?? double.NaN;
        string label;
        if (double.IsNaN(headroom))
        {
            label = "Headroom: not measured yet";
        }
        else
        {
            // Log scale: 1× (just keeps up) at the left, 1000× at the right.
            var fraction = (float)Math.Clamp(Math.Log10(Math.Max(headroom, 1)) / 3, 0, 1);
            var paint = headroom < 1.5 ? p.Bad : headroom < 4 ? p.Warn : p.Good;
            canvas.DrawRect(new SKRect(area.Left, area.Top, area.Left + area.Width * fraction, area.Bottom), paint);
            label = string.Create(CultureInfo.InvariantCulture, $"Headroom: generates {headroom:0.#}× faster than real time");
        }
        canvas.DrawText(label, area.Left + 6, area.MidY + 4, SKTextAlign.Left, p.Small, p.Text);
        canvas.DrawRect(area, p.Frame);
    }

    private void DrawClips(SKCanvas canvas)
    {
        var p = _paints;
        var area = Layout.Clips;
        canvas.DrawText("Captured clips", area.Left, area.Top + 10, SKTextAlign.Left, p.Small, p.DimText);
        if (_clips.Length == 0) canvas.DrawText("none yet: press Capture Clip while the host plays", area.Left, area.Top + 26, SKTextAlign.Left, p.Small, p.DimText);
        for (var i = 0; i < _clips.Length; i++)
            canvas.DrawText(Fit(_clips[i], area.Width, p.Small), area.Left, area.Top + 26 + i * 14, SKTextAlign.Left, p.Small, p.Text);
    }

    private void DrawStatusLine(SKCanvas canvas, GenerationLink? feed)
    {
        var p = _paints;
        var area = Layout.StatusLine;
        canvas.DrawRect(area, p.Panel);
        string text;
        if (feed is null)
        {
            text = "Not connected to the audio component: the piano roll and meter stay empty";
        }
        else
        {
            var beat = feed.Playhead;
            var perBar = Math.Max(1, feed.QuartersPerBar);
            var bar = (int)Math.Floor(beat / perBar) + 1;
            var inBar = beat - (bar - 1) * perBar + 1;
            text = string.Create(CultureInfo.InvariantCulture,
                $"{(feed.Playing ? "Playing" : "Stopped")} · {feed.Tempo:0.#} BPM · bar {bar} beat {Math.Floor(inBar):0} · {_roll.NotesBehind} notes played, {_roll.NotesAhead} ahead · {feed.StatusText}");
        }
        canvas.DrawText(Fit(text, area.Width - 24, p.Small), area.Left + 12, area.MidY + 4, SKTextAlign.Left, p.Small, p.Text);
    }

    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width) return text;
        var length = text.Length;
        while (length > 1 && font.MeasureText(text.AsSpan(0, length)) + font.MeasureText("…") > width) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    // Input. Coordinates are the window's pixels.

    public void OnPress(float x, float y, uint button)
    {
        if (button is 4 or 5)
        {
            OnWheel(x, y, button == 4 ? 1 : -1);
            return;
        }
        if (button != 1) return;
        var l = Layout;
        if (l.PreviousModel.Contains(x, y)) StepModel(-1);
        else if (l.NextModel.Contains(x, y)) StepModel(1);
        else if (HitKnob(x, y) is { } knob)
        {
            _dragging = knob;
            _dragStartY = y;
            _dragStartValue = _model.Value(knob);
            _model.BeginEdit(knob);
        }
        else if (HitButton(x, y) is { } id)
        {
            _model.BeginEdit(id);
            if (FamilyControls.IsTrigger(id))
            {
                _held = id;
                _model.PerformEdit(id, 1);
            }
            else
            {
                _model.PerformEdit(id, _model.Value(id) >= 0.5 ? 0 : 1);
                _model.EndEdit(id);
            }
        }
    }

    public void OnMotion(float x, float y)
    {
        if (_dragging is not { } id) return;
        var value = Math.Clamp(_dragStartValue + (_dragStartY - y) / DragPixels, 0, 1);
        value = Snap(id, value);
        if (value != _model.Value(id)) _model.PerformEdit(id, value);
    }

    public void OnRelease(float x, float y, uint button)
    {
        if (button != 1) return;
        if (_dragging is { } id)
        {
            OnMotion(x, y);
            _model.EndEdit(id);
            _dragging = null;
        }
        if (_held is { } trigger)
        {
            _model.PerformEdit(trigger, 0);
            _model.EndEdit(trigger);
            _held = null;
        }
    }

    private void OnWheel(float x, float y, int direction)
    {
        if (HitKnob(x, y) is not { } id) return;
        var steps = InstrumentParameters.Find(id)!.StepCount;
        var delta = steps > 0 ? 1.0 / steps : 0.01;
        var value = Snap(id, Math.Clamp(_model.Value(id) + direction * delta, 0, 1));
        _model.BeginEdit(id);
        _model.PerformEdit(id, value);
        _model.EndEdit(id);
    }

    private void StepModel(int direction)
    {
        var definition = InstrumentParameters.Find(ParameterId.Model)!;
        var count = PresetCatalog.Shared.Entries.Count;
        var slot = Math.Clamp(_shownSlot + direction, 0, count);
        if (slot == _shownSlot) return;
        _model.BeginEdit(ParameterId.Model);
        _model.PerformEdit(ParameterId.Model, definition.ToNormalized(slot));
        _model.EndEdit(ParameterId.Model);
    }

    private static double Snap(uint id, double value)
    {
        var steps = InstrumentParameters.Find(id)!.StepCount;
        return steps > 0 ? Math.Round(value * steps) / steps : value;
    }

    private uint? HitKnob(float x, float y)
    {
        for (var i = 0; i < _knobs.Count; i++)
            if (Layout.Knob(i).Contains(x, y)) return _knobs[i];
        return null;
    }

    private uint? HitButton(float x, float y)
    {
        for (var i = 0; i < _buttons.Count; i++)
            if (Layout.Button(i, _knobs.Count).Contains(x, y)) return _buttons[i];
        return Layout.Capture.Contains(x, y) ? ParameterId.CaptureClip : null;
    }

    public void Dispose() => _paints.Dispose();
}
