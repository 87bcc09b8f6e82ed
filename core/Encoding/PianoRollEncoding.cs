using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Single-track piano rolls on a beat grid, as the piano-roll GANs read and write them: a clip is
/// <see cref="BeatsPerClip"/> quarter-note beats of <see cref="StepsPerBeat"/> steps (384 steps) × 128 MIDI pitches.
/// A song becomes clips cut every 16 beats from its first tick: every pitched note of every track is merged into one
/// roll (drums, channel 10, are dropped), a note covering grid steps [round(start), round(end)) and at least one;
/// where notes overlap the louder velocity wins. A cell holds the velocity (0–127, 0 = silent; the models see
/// velocity / 127, so values lie in [0, 1]). Clips without a note are left out, and a song's last clip is padded
/// with silence. Only 4/4 is read (a file with another time signature anywhere is refused), so a clip is four bars.
/// </summary>
public static class PianoRollEncoding
{
    public const int StepsPerBeat = 24;
    public const int BeatsPerClip = 16;
    public const int Steps = StepsPerBeat * BeatsPerClip;
    public const int Pitches = 128;
    public const int CellsPerClip = Steps * Pitches;

    /// <summary>A cell's largest value as the models see it (velocity 127).</summary>
    public const float MaxValue = 1;

    /// <summary>The grid step nearest a tick (halves round up), in integers so another reader can do the same.</summary>
    public static long StepOf(long tick, int ticksPerQuarter) => (2 * tick * StepsPerBeat + ticksPerQuarter) / (2L * ticksPerQuarter);

    /// <summary>The clips of a song, each <see cref="CellsPerClip"/> velocities (step-major: cell = step × 128 + pitch).</summary>
    /// <exception cref="EuterpeException">A time signature other than 4/4, or a file timed in SMPTE frames (no beats).</exception>
    public static List<byte[]> Clips(NoteSequence sequence)
    {
        if (sequence.TempoMap.TicksPerSecond is not null) throw new EuterpeException("timed in SMPTE frames, not beats");
        if (sequence.TimeSignatures.FirstOrDefault(t => t.Numerator != 4 || t.Denominator != 4) is { Numerator: > 0 } other)
            throw new EuterpeException($"time signature {other.Numerator}/{other.Denominator}, not 4/4");
        var tpq = sequence.TicksPerQuarter;
        var clips = new Dictionary<long, byte[]>();
        foreach (var note in sequence.Notes)
        {
            if (note.IsDrum || note.Pitch is < 0 or >= Pitches) continue;
            var start = StepOf(note.StartTick, tpq);
            var end = Math.Max(StepOf(note.EndTick, tpq), start + 1);
            var velocity = (byte)Math.Clamp(note.Velocity, 1, 127);
            for (var step = start; step < end; step++)
            {
                var clip = step / Steps;
                if (!clips.TryGetValue(clip, out var roll)) clips[clip] = roll = new byte[CellsPerClip];
                ref var cell = ref roll[(step % Steps) * Pitches + note.Pitch];
                if (velocity > cell) cell = velocity;
            }
        }
        return [.. clips.OrderBy(c => c.Key).Select(c => c.Value)];
    }

    /// <summary>
    /// The notes of one clip of model values starting at beat <paramref name="startBeat"/>, in time order (at each step
    /// the notes that end there, then those that start): a pitch sounds while its cells are above
    /// <paramref name="threshold"/>; a run of such cells is one note, its velocity the first cell's value × 127 /
    /// <paramref name="maxValue"/> (at least 1). At most <paramref name="maxNotes"/> notes, the earliest; a note still
    /// sounding at the clip's end stops there. Returns the events written; allocates nothing.
    /// </summary>
    /// <param name="sounding">128 slots of scratch: each pitch's velocity while it sounds.</param>
    public static int Events(ReadOnlySpan<float> roll, float threshold, float maxValue, double startBeat, int maxNotes, Span<int> sounding, Span<ModelNoteEvent> output) =>
        Events(roll, Steps, StepsPerBeat, threshold, maxValue, startBeat, maxNotes, sounding, output);

    /// <summary>
    /// <see cref="Events(ReadOnlySpan{float}, float, float, double, int, Span{int}, Span{ModelNoteEvent})"/> for a roll of
    /// <paramref name="steps"/> steps × 128 pitches on a grid of <paramref name="stepsPerBeat"/> (the multi-track
    /// GAN's tracks, <see cref="MultiTrackEncoding"/>).
    /// </summary>
    public static int Events(ReadOnlySpan<float> roll, int steps, int stepsPerBeat, float threshold, float maxValue, double startBeat, int maxNotes,
        Span<int> sounding, Span<ModelNoteEvent> output)
    {
        sounding[..Pitches].Clear();
        var count = 0;
        var notes = 0;
        for (var step = 0; step <= steps; step++)
        {
            var beat = startBeat + step / (double)stepsPerBeat;
            var row = step < steps ? roll.Slice(step * Pitches, Pitches) : default;
            for (var pitch = 0; pitch < Pitches; pitch++)
                if (sounding[pitch] > 0 && (step == steps || !(row[pitch] > threshold)))
                {
                    output[count++] = new ModelNoteEvent(false, pitch, 0, beat);
                    sounding[pitch] = 0;
                }
            if (step == steps) break;
            for (var pitch = 0; pitch < Pitches && notes < maxNotes; pitch++)
            {
                var value = row[pitch];
                if (sounding[pitch] > 0 || !(value > threshold)) continue;
                var velocity = (int)Math.Clamp(Math.Round(value / maxValue * 127), 1, 127);
                output[count++] = new ModelNoteEvent(true, pitch, velocity, beat);
                sounding[pitch] = velocity;
                notes++;
            }
        }
        return count;
    }
}
