using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Note sequences to piano rolls and back, on a grid of <see cref="PianoRollOptions.StepsPerBeat"/> steps per
/// quarter note (beats are quarters, so the grid follows ticks, not seconds).
/// <para>
/// Forward: a note covers steps [round(start), round(end)), at least one step; overlapping notes of one pitch and
/// track are merged into the union of their steps, with the louder velocity in each cell.
/// Inverse: a run of sounding steps of one pitch and track is one note; its velocity is the cell value at its
/// first step × 127. A piano roll alone cannot show a note struck again right after itself (the cells just stay
/// on), so re-attacks are only recovered from the onset roll: an onset inside a run starts a new note there.
/// Without onsets such repeats merge into one long note.
/// </para>
/// </summary>
public sealed class PianoRollEncoding
{
    public PianoRollEncoding(PianoRollOptions? options = null)
    {
        Options = options ?? new PianoRollOptions();
        Options.Validate();
    }

    /// <summary>
    /// Most cells (steps × 128 × tracks) a piece may fill, in one roll or in all its windows together: 2^26, i.e.
    /// 2^19 steps of one track (about 3 hours at 24 steps per beat and 120 bpm). Guards against corrupt note ends.
    /// </summary>
    public const long MaxCells = 1L << 26;

    public PianoRollOptions Options { get; }

    /// <summary>Number of steps the sequence spans from tick 0 to its last note end.</summary>
    public long StepCount(NoteSequence sequence)
    {
        long end = 0;
        foreach (var n in sequence.Notes)
            if (Included(n)) end = Math.Max(end, EndStep(n, sequence.TicksPerQuarter));
        return end;
    }

    /// <summary>The roll of steps [startStep, startStep + steps); steps defaults to the rest of the piece.</summary>
    public PianoRoll Encode(NoteSequence sequence, long startStep = 0, int? steps = null)
    {
        var count = (int)CheckSize(sequence, steps ?? Math.Max(0, StepCount(sequence) - startStep));
        var roll = new PianoRoll(count, Options.TrackCount, Options.StepsPerBeat, startStep, Options.WithOnsets);
        foreach (var n in sequence.Notes)
        {
            if (!Included(n)) continue;
            var track = Options.TrackCount == 1 ? 0 : n.Track;
            var start = StartStep(n, sequence.TicksPerQuarter);
            var end = EndStep(n, sequence.TicksPerQuarter);
            var from = Math.Max(start, startStep) - startStep;
            var to = Math.Min(end, startStep + count) - startStep;
            if (from >= to) continue;
            var value = Options.Binary ? 1f : Math.Clamp(n.Velocity, 1, 127) / 127f;
            for (var s = (int)from; s < to; s++)
            {
                var i = roll.Index(s, n.Pitch, track);
                roll.Values[i] = Math.Max(roll.Values[i], value);
            }
            if (roll.Onsets is { } onsets && start >= startStep) onsets[roll.Index((int)(start - startStep), n.Pitch, track)] = 1f;
        }
        return roll;
    }

    /// <summary>
    /// Cuts the piece into consecutive, non-overlapping windows of <see cref="PianoRollOptions.WindowBeats"/> beats
    /// from tick 0; the last one is padded with silence. A note crossing a boundary appears in both windows, with
    /// its onset only in the first.
    /// </summary>
    public IReadOnlyList<PianoRoll> Windows(NoteSequence sequence)
    {
        var total = CheckSize(sequence, StepCount(sequence));
        var windows = new List<PianoRoll>();
        for (long start = 0; start < total; start += Options.WindowSteps) windows.Add(Encode(sequence, start, Options.WindowSteps));
        return windows;
    }

    /// <summary>All windows as one tensor, [window, step, pitch, track] row-major; its length is windows × WindowSteps × 128 × tracks.</summary>
    public float[] WindowTensor(NoteSequence sequence, out int windowCount)
    {
        var windows = Windows(sequence);
        windowCount = windows.Count;
        var size = Options.WindowSteps * PianoRoll.PitchCount * Options.TrackCount;
        var tensor = new float[checked(windowCount * size)];
        for (var w = 0; w < windowCount; w++) windows[w].Values.CopyTo(tensor, w * size);
        return tensor;
    }

    /// <summary>Notes of a roll (see the class remarks); times are placed at the roll's <see cref="PianoRoll.StartStep"/>.</summary>
    public NoteSequence Decode(PianoRoll roll, int ticksPerQuarter = NoteSequence.DefaultTicksPerQuarter)
    {
        var seq = new NoteSequence(ticksPerQuarter);
        var threshold = Options.Threshold;
        for (var track = 0; track < roll.Tracks; track++)
        {
            for (var pitch = 0; pitch < PianoRoll.PitchCount; pitch++)
            {
                var start = -1;
                for (var s = 0; s <= roll.Steps; s++)
                {
                    var on = s < roll.Steps && roll.Values[roll.Index(s, pitch, track)] > threshold;
                    var reattack = on && start >= 0 && roll.Onsets is { } onsets && onsets[roll.Index(s, pitch, track)] > 0.5f;
                    if (start >= 0 && (!on || reattack))
                    {
                        AddNote(seq, roll, pitch, track, start, s);
                        start = -1;
                    }
                    if (on && start < 0) start = s;
                }
            }
        }
        seq.Sort();
        return seq;
    }

    private void AddNote(NoteSequence seq, PianoRoll roll, int pitch, int track, int start, int end)
    {
        var velocity = Options.Binary ? Options.BinaryVelocity : Math.Clamp((int)MathF.Round(roll.Values[roll.Index(start, pitch, track)] * 127f), 1, 127);
        seq.AddNote(pitch, velocity, StepToTick(roll.StartStep + start, roll.StepsPerBeat, seq.TicksPerQuarter),
            StepToTick(roll.StartStep + end, roll.StepsPerBeat, seq.TicksPerQuarter), track: track);
    }

    private long CheckSize(NoteSequence sequence, long steps)
    {
        if (steps > MaxCells / PianoRoll.PitchCount / Options.TrackCount)
            throw new EuterpeException($"{sequence.Title ?? "sequence"}: a piano roll of {steps} steps × {Options.TrackCount} tracks is larger than the {MaxCells} cells allowed");
        return steps;
    }

    private static long StepToTick(long step, int stepsPerBeat, int ticksPerQuarter) => (long)Math.Round((double)step * ticksPerQuarter / stepsPerBeat);

    private bool Included(Note n) => (!n.IsDrum || Options.IncludeDrums) && (uint)n.Pitch < 128 && (Options.TrackCount == 1 || (uint)n.Track < (uint)Options.TrackCount);

    private long StartStep(Note n, int ticksPerQuarter) => Math.Max(0, (long)Math.Round((double)n.StartTick * Options.StepsPerBeat / ticksPerQuarter));

    private long EndStep(Note n, int ticksPerQuarter) =>
        Math.Max(StartStep(n, ticksPerQuarter) + 1, (long)Math.Round((double)n.EndTick * Options.StepsPerBeat / ticksPerQuarter));
}
