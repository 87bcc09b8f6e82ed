namespace Euterpe.Core.Generation;

/// <summary>
/// Pairs a generator's note events into notes: a note-on starts its pitch, the next note-off of that pitch ends it
/// (a note of no length is dropped), and <see cref="Close"/> ends what is still sounding. For offline generation.
/// </summary>
public sealed class NotePairing
{
    private readonly double[] _start = new double[128];
    private readonly int[] _velocity = new int[128];
    private readonly bool[] _sounding = new bool[128];

    public List<PairedNote> Notes { get; } = [];

    /// <summary>A pairing that starts with the notes <paramref name="generator"/> heard while primed with <paramref name="primer"/> (none when null).</summary>
    public static NotePairing AfterPrimer(INoteGenerator generator, Music.NoteSequence? primer)
    {
        var pairing = new NotePairing();
        if (primer is null) return pairing;
        var heard = new List<ModelNoteEvent>();
        generator.Prime(primer, heard);
        foreach (var e in heard) pairing.Add(e);
        return pairing;
    }

    public void Add(in ModelNoteEvent e)
    {
        if ((uint)e.Pitch >= 128) return;
        if (e.IsNoteOn)
        {
            _start[e.Pitch] = e.Time;
            _velocity[e.Pitch] = e.Velocity;
            _sounding[e.Pitch] = true;
            return;
        }
        if (!_sounding[e.Pitch]) return;
        _sounding[e.Pitch] = false;
        if (e.Time > _start[e.Pitch]) Notes.Add(new PairedNote(e.Pitch, _velocity[e.Pitch], _start[e.Pitch], e.Time));
    }

    /// <summary>Ends every sounding note at <paramref name="time"/>, lowest pitch first.</summary>
    public void Close(double time)
    {
        for (var pitch = 0; pitch < 128; pitch++)
            if (_sounding[pitch]) Add(new ModelNoteEvent(false, pitch, 0, time));
    }

    /// <summary>
    /// The notes (times in beats) as a sequence at <paramref name="bpm"/>: notes from <paramref name="endBeat"/> on are
    /// left out, and those sounding there are cut at it.
    /// </summary>
    public Music.NoteSequence InBeats(double bpm, double endBeat)
    {
        var ticksPerQuarter = Music.NoteSequence.DefaultTicksPerQuarter;
        var result = new Music.NoteSequence(ticksPerQuarter, new Music.TempoMap(ticksPerQuarter, [Music.TempoChange.FromBpm(0, bpm)]));
        var endTick = (long)Math.Round(endBeat * ticksPerQuarter);
        foreach (var note in Notes)
        {
            var start = (long)Math.Round(note.Start * ticksPerQuarter);
            if (start < endTick) result.AddNote(note.Pitch, note.Velocity, start, Math.Min((long)Math.Round(note.End * ticksPerQuarter), endTick));
        }
        return result;
    }
}
