using Euterpe.Plugin.Generation;
using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// The scrolling piano roll: the notes the worker generated (of the current restart epoch) and those played in, as
/// bars from note-on to note-off, around the playhead: what already sounded on the left, the lookahead (generated but
/// not yet heard) on the right of the playhead line. Colour follows velocity (soft blue to loud orange); notes played in
/// are green. Reads <see cref="NoteTimeline"/> (lock-free) on the UI thread.
/// </summary>
public sealed class PianoRoll
{
    /// <summary>Beats shown: <see cref="BeatsBehind"/> behind the playhead, the rest ahead.</summary>
    public const double BeatsShown = 16;
    public const double BeatsBehind = 12;

    private readonly TimelineNote[] _copy = new TimelineNote[NoteTimeline.Capacity];
    private readonly List<Bar> _bars = [];
    private readonly double[] _open = new double[2 * 16 * 128];
    private readonly short[] _openVelocity = new short[2 * 16 * 128];

    /// <summary>A note as drawn: beats, pitch, velocity, played in or generated.</summary>
    public readonly record struct Bar(double Start, double End, int Pitch, int Velocity, bool IsInput);

    public IReadOnlyList<Bar> Bars => _bars;

    /// <summary>Notes drawn in the last frame on each side of the playhead.</summary>
    public int NotesBehind { get; private set; }

    public int NotesAhead { get; private set; }

    /// <summary>Pairs the timeline's note-ons and note-offs into bars (notes still held end at the newest beat seen).</summary>
    public void Update(NoteTimeline timeline, int epoch)
    {
        var count = timeline.CopyLatest(_copy);
        _bars.Clear();
        Array.Fill(_open, double.NaN);
        var newest = double.MinValue;
        for (var i = 0; i < count; i++)
        {
            ref readonly var n = ref _copy[i];
            if (!n.IsInput && n.Epoch != epoch) continue; // a restart dropped those before they sounded
            newest = Math.Max(newest, n.Beat);
            var key = ((n.IsInput ? 16 : 0) + (n.Channel & 15)) * 128 + (n.Pitch & 127);
            if (!double.IsNaN(_open[key]))
            {
                _bars.Add(new Bar(_open[key], n.Beat, n.Pitch, _openVelocity[key], n.IsInput));
                _open[key] = double.NaN;
            }
            if (n.IsNoteOn)
            {
                _open[key] = n.Beat;
                _openVelocity[key] = n.Velocity;
            }
        }
        for (var key = 0; key < _open.Length; key++)
            if (!double.IsNaN(_open[key]))
                _bars.Add(new Bar(_open[key], Math.Max(newest, _open[key] + 0.25), key % 128, _openVelocity[key], key / 128 >= 16));
    }

    public void Draw(SKCanvas canvas, SKRect area, double playhead, EditorPaints paints)
    {
        canvas.Save();
        canvas.ClipRect(area);
        canvas.DrawRect(area, paints.Panel);
        var start = playhead - BeatsBehind;
        var end = start + BeatsShown;
        int low = 127, high = 0;
        foreach (var b in _bars)
            if (b.End >= start && b.Start <= end)
            {
                low = Math.Min(low, b.Pitch);
                high = Math.Max(high, b.Pitch);
            }
        if (low > high) (low, high) = (48, 84);
        // At least two octaves, centred on what plays.
        var middle = (low + high) / 2;
        low = Math.Min(low, middle - 12) - 1;
        high = Math.Max(high, middle + 12) + 1;
        var rowHeight = area.Height / (high - low + 1);
        var beatWidth = (float)(area.Width / BeatsShown);
        float X(double beat) => area.Left + (float)((beat - start) * beatWidth);
        float Y(int pitch) => area.Bottom - (pitch - low + 1) * rowHeight;

        for (var p = low; p <= high; p++)
            if (p % 12 is 1 or 3 or 6 or 8 or 10) canvas.DrawRect(new SKRect(area.Left, Y(p), area.Right, Y(p) + rowHeight), paints.BlackKeyRow);
        for (var beat = Math.Ceiling(start); beat <= end; beat++)
            canvas.DrawLine(X(beat), area.Top, X(beat), area.Bottom, beat % 4 == 0 ? paints.BarLine : paints.BeatLine);

        int behind = 0, ahead = 0;
        foreach (var b in _bars)
        {
            if (b.End < start || b.Start > end) continue;
            if (b.Start < playhead) behind++;
            else ahead++;
            var rect = new SKRect(X(b.Start), Y(b.Pitch) + 1, Math.Max(X(b.End), X(b.Start) + 2), Y(b.Pitch) + Math.Max(2, rowHeight - 1));
            var fill = b.IsInput ? paints.InputNote : paints.Velocity(b.Velocity, b.Start > playhead);
            canvas.DrawRect(rect, fill);
        }
        NotesBehind = behind;
        NotesAhead = ahead;
        var x = X(playhead);
        canvas.DrawRect(new SKRect(x, area.Top, area.Right, area.Bottom), paints.LookaheadShade);
        canvas.DrawLine(x, area.Top, x, area.Bottom, paints.Playhead);
        canvas.Restore();
        canvas.DrawRect(area, paints.Frame);
    }
}
