using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Multi-track binary piano rolls as the multi-track WGAN-GP reads and writes them (LPD-17 style): a clip is
/// <see cref="Tracks"/> tracks, one per <see cref="InstrumentFamily"/> (drums — channel 10 or the drum flag — then the
/// 16 General MIDI program groups of eight, in that order), × <see cref="BeatsPerClip"/> quarter-note beats (four 4/4
/// bars) of <see cref="StepsPerBeat"/> steps (a sixteenth grid: 64 steps) × 128 MIDI pitches. Sixteenths, not the
/// source's 12 or 24 steps a beat, keep a clip small enough to train on a CPU; triplets land on the nearest sixteenth.
/// A song becomes clips cut every 16 beats from its first tick; a note sets the cells of its family's track over grid
/// steps [round(start), round(end)) and at least one. A cell is 1 (sounding) or 0: velocities are not kept, and two
/// notes of one pitch that touch on the grid become one. Clips without a note are left out, a song's last clip is
/// padded with silence. Only 4/4 is read. Cell index: (track × 64 + step) × 128 + pitch, so each track is a
/// step-major roll that <see cref="PianoRollEncoding.Events"/> reads.
/// </summary>
public static class MultiTrackEncoding
{
    public const int Tracks = 17;
    public const int StepsPerBeat = 4;
    public const int BeatsPerClip = 16;
    public const int Steps = StepsPerBeat * BeatsPerClip;
    public const int Pitches = 128;
    public const int CellsPerTrack = Steps * Pitches;
    public const int CellsPerClip = Tracks * CellsPerTrack;

    /// <summary>A clip stored with eight cells a byte (numpy's packbits order: the lowest pitch in the highest bit).</summary>
    public const int PackedBytesPerClip = CellsPerClip / 8;

    /// <summary>The grid step nearest a tick (halves round up), in integers so another reader can do the same.</summary>
    public static long StepOf(long tick, int ticksPerQuarter) => (2 * tick * StepsPerBeat + ticksPerQuarter) / (2L * ticksPerQuarter);

    /// <summary>The track a note lands on: its <see cref="InstrumentFamily"/> (a program outside 0…127 by its low seven bits).</summary>
    public static int TrackOf(Note note) => (int)InstrumentFamilies.Of(note.Program & 127, note.IsDrum, note.Channel);

    /// <summary>The clips of a song, each <see cref="CellsPerClip"/> cells of 0 or 1.</summary>
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
            if (note.Pitch is < 0 or >= Pitches) continue;
            var track = TrackOf(note);
            var start = StepOf(note.StartTick, tpq);
            var end = Math.Max(StepOf(note.EndTick, tpq), start + 1);
            for (var step = start; step < end; step++)
            {
                var clip = step / Steps;
                if (!clips.TryGetValue(clip, out var roll)) clips[clip] = roll = new byte[CellsPerClip];
                roll[(track * Steps + step % Steps) * Pitches + note.Pitch] = 1;
            }
        }
        return [.. clips.OrderBy(c => c.Key).Select(c => c.Value)];
    }

    /// <summary>Packs 0/1 cells eight to a byte (the first cell in the highest bit).</summary>
    public static void Pack(ReadOnlySpan<byte> cells, Span<byte> packed)
    {
        for (var i = 0; i < cells.Length / 8; i++)
        {
            var b = 0;
            for (var bit = 0; bit < 8; bit++) b = (b << 1) | (cells[i * 8 + bit] != 0 ? 1 : 0);
            packed[i] = (byte)b;
        }
    }

    /// <summary>Unpacks what <see cref="Pack"/> wrote into 0/1 cells.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, Span<byte> cells)
    {
        for (var i = 0; i < packed.Length; i++)
            for (var bit = 0; bit < 8; bit++) cells[i * 8 + bit] = (byte)((packed[i] >> (7 - bit)) & 1);
    }
}
