namespace Euterpe.Core.Generation;

/// <summary>
/// Pairs a generator's note events into notes: a note-on starts its pitch on its channel, the next note-off of that
/// pitch and channel ends it (a note of no length is dropped), and <see cref="Close"/> ends what is still sounding.
/// For offline generation.
/// </summary>
public sealed class NotePairing
{
    private const int Keys = 16 * 128; // channel × pitch
    private readonly double[] _start = new double[Keys];
    private readonly int[] _velocity = new int[Keys];
    private readonly bool[] _sounding = new bool[Keys];

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
        if ((uint)e.Pitch >= 128 || (uint)e.Channel >= 16) return;
        var key = e.Channel * 128 + e.Pitch;
        if (e.IsNoteOn)
        {
            _start[key] = e.Time;
            _velocity[key] = e.Velocity;
            _sounding[key] = true;
            return;
        }
        if (!_sounding[key]) return;
        _sounding[key] = false;
        if (e.Time > _start[key]) Notes.Add(new PairedNote(e.Pitch, _velocity[key], _start[key], e.Time, e.Channel));
    }

    /// <summary>Ends every sounding note at <paramref name="time"/>, channel by channel, lowest pitch first.</summary>
    public void Close(double time)
    {
        for (var key = 0; key < Keys; key++)
            if (_sounding[key]) Add(new ModelNoteEvent(false, key % 128, 0, time, key / 128));
    }

    /// <summary>
    /// The notes (times in beats) as a sequence at <paramref name="bpm"/>: notes from <paramref name="endBeat"/> on are
    /// left out, and those sounding there are cut at it. Each note keeps its channel.
    /// </summary>
    public Music.NoteSequence InBeats(double bpm, double endBeat)
    {
        var ticksPerQuarter = Music.NoteSequence.DefaultTicksPerQuarter;
        var result = new Music.NoteSequence(ticksPerQuarter, new Music.TempoMap(ticksPerQuarter, [Music.TempoChange.FromBpm(0, bpm)]));
        var endTick = (long)Math.Round(endBeat * ticksPerQuarter);
        foreach (var note in Notes)
        {
            var start = (long)Math.Round(note.Start * ticksPerQuarter);
            if (start < endTick) result.AddNote(note.Pitch, note.Velocity, start, Math.Min((long)Math.Round(note.End * ticksPerQuarter), endTick), note.Channel);
        }
        return result;
    }
}
