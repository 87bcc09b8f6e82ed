using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// The inpainter in the instrument: it plays a clip filled by <see cref="ClipFiller"/>, looped end to end on the bar
/// grid: each <see cref="Step"/> is one pass of the clip (its own notes and the filled ones, in time order). The clip is
/// set by <see cref="SetClip"/> (the instrument's captured clip, with the bars to fill or none for the whole clip);
/// until then it is four empty bars, all blanked, so the model's fill of silence plays. The fill is made once per clip
/// and threshold, at the first step after a change, and replayed; a step after that allocates nothing.
/// <see cref="GridBeats"/> is a 4/4 bar, so a jump restarts the loop on the next bar line.
/// </summary>
public sealed class Pix2PixNoteGenerator : INoteGenerator
{
    /// <summary>Notes one pass may play (the earliest first), so a pass fits the worker's note queue of 4096 events.</summary>
    public const int MaxNotesPerPass = 1024;

    private readonly OnnxFillModel _model;
    private readonly ClipFiller _filler;
    private readonly List<ModelNoteEvent> _pass = [];
    private IReadOnlyList<RollNote> _clip = [];
    private List<(int Pitch, int Velocity, double Start, double End)> _own = [];
    private int _bars = Pix2PixGrid.BarsPerClip;
    private (int First, int Last)? _blank = (0, Pix2PixGrid.BarsPerClip - 1);
    private float _threshold;
    private bool _stale = true;
    private long _passes;

    public Pix2PixNoteGenerator(OnnxFillModel model, float threshold)
    {
        _model = model;
        _filler = new ClipFiller(model);
        _threshold = threshold;
        PresetThreshold = threshold;
    }

    /// <summary>The manifest's threshold, which <see cref="SteerThreshold"/> scales.</summary>
    public float PresetThreshold { get; }

    /// <summary>A filled cell above it sounds.</summary>
    public float Threshold
    {
        get => _threshold;
        set
        {
            if (value == _threshold) return;
            _threshold = value;
            _stale = true;
        }
    }

    /// <summary>The instrument's Roll Threshold: the preset's threshold times <paramref name="scale"/>, kept inside (0, 1).</summary>
    public void SteerThreshold(double scale) => Threshold = (float)Math.Clamp(PresetThreshold * scale, 1e-3, 0.999);

    /// <summary>
    /// The clip to fill and play: its notes on the 8-steps-a-beat grid, its length in bars, and the bars (0-based,
    /// inclusive) to blank and fill, or null to fill around its notes everywhere.
    /// </summary>
    public void SetClip(IReadOnlyList<RollNote> notes, int bars, (int First, int Last)? blank)
    {
        const double perBeat = Pix2PixGrid.StepsPerBeat;
        Load(notes, [.. notes.Select(n => (n.Pitch, n.Velocity, n.StartStep / perBeat, n.EndStep / perBeat))], bars, blank);
    }

    /// <summary>The clip to fill, with its own notes as they are to be played (in beats).</summary>
    private void Load(IReadOnlyList<RollNote> notes, List<(int Pitch, int Velocity, double Start, double End)> own, int bars, (int First, int Last)? blank)
    {
        _clip = [.. notes];
        _own = own;
        _bars = Math.Max(1, bars);
        _blank = blank;
        _stale = true;
    }

    /// <summary>
    /// The instrument's Fill Clip: the captured clip at <paramref name="clipPath"/> (<see cref="MidiClipInfill.Read"/>:
    /// its pitched notes, its length in whole bars) filled around its notes everywhere, as `generate --infill` without
    /// --bars fills it, and played from the next pass.
    /// </summary>
    public bool FillClip(string clipPath)
    {
        var (clip, notes, bars) = MidiClipInfill.Read(clipPath);
        double tpq = clip.TicksPerQuarter;
        // The clip's own notes as they are (generate --infill keeps their ticks), the fill on the grid.
        Load(notes, [.. clip.Notes.Where(n => !n.IsDrum && n.Pitch is >= 0 and < Pix2PixGrid.Pitches).Select(n => (n.Pitch, Math.Clamp(n.Velocity, 1, 127), n.StartTick / tpq, n.EndTick / tpq))], bars, null);
        return true;
    }

    /// <summary>The notes of one pass as the clip's and the filled ones, after the next step's fill (for tests).</summary>
    public IReadOnlyList<ModelNoteEvent> Pass
    {
        get
        {
            Refill();
            return _pass;
        }
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2 * MaxNotesPerPass;

    public double GridBeats => 4;

    public double Time => _passes * PassBeats;

    private double PassBeats => _bars * 4.0;

    public int ConditioningCount => 0;

    /// <summary>Nothing is random once exported (dropout is off): the seed changes nothing.</summary>
    public void Reset(ulong seed) => _passes = 0;

    public void SetSampling(SamplingOptions options)
    {
    }

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        Refill();
        var start = Time;
        var count = Math.Min(_pass.Count, output.Length);
        for (var i = 0; i < count; i++) output[i] = _pass[i] with { Time = _pass[i].Time + start };
        _passes++;
        return count;
    }

    private void Refill()
    {
        if (!_stale) return;
        _stale = false;
        const double perBeat = Pix2PixGrid.StepsPerBeat;
        var notes = _own.Concat(_filler.Fill(_clip, _bars, _blank, _threshold).Select(n => (n.Pitch, n.Velocity, n.StartStep / perBeat, n.EndStep / perBeat)))
            .Take(MaxNotesPerPass).ToList();
        _pass.Clear();
        foreach (var (pitch, velocity, start, end) in notes)
        {
            _pass.Add(new ModelNoteEvent(true, pitch, velocity, start));
            _pass.Add(new ModelNoteEvent(false, pitch, 0, end));
        }
        // In time order; at one time offs before ons, so a note repeated at its end is heard again.
        _pass.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.IsNoteOn.CompareTo(b.IsNoteOn));
    }

    /// <summary>Notes played live are not heard: the instrument gives the clip through <see cref="SetClip"/>.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();
}
