namespace Euterpe.Core.Music;

/// <summary>
/// The one representation every part of Euterpe speaks: notes plus the timing, key and controller
/// context needed to play them back. Readers build it, encodings turn it into model tokens and back,
/// writers serialise it. Lists are mutable so builders can fill them; call <see cref="Sort"/> after editing.
/// </summary>
public sealed class NoteSequence
{
    public const int DefaultTicksPerQuarter = 480;

    public NoteSequence(int ticksPerQuarter = DefaultTicksPerQuarter, TempoMap? tempoMap = null)
    {
        TicksPerQuarter = ticksPerQuarter;
        TempoMap = tempoMap ?? new TempoMap(ticksPerQuarter);
    }

    /// <summary>Ticks per quarter note of <see cref="Note.StartTick"/> and friends.</summary>
    public int TicksPerQuarter { get; }

    /// <summary>Tick ↔ seconds conversion; replace it (and re-time the notes) when tempos change.</summary>
    public TempoMap TempoMap { get; set; }

    public List<Note> Notes { get; } = [];

    public List<TimeSignature> TimeSignatures { get; } = [];

    public List<KeySignature> KeySignatures { get; } = [];

    public List<ControlChange> ControlChanges { get; } = [];

    public List<PitchBend> PitchBends { get; } = [];

    public List<ProgramChange> ProgramChanges { get; } = [];

    public List<TrackInfo> Tracks { get; } = [];

    /// <summary>Free-form text such as a tune title (ABC's T:, a MIDI file's first track name).</summary>
    public string? Title { get; set; }

    public long EndTick => Notes.Count == 0 ? 0 : Notes.Max(n => n.EndTick);

    public double TotalSeconds => Notes.Count == 0 ? 0 : Notes.Max(n => n.EndSeconds);

    /// <summary>Orders notes by start tick, then track, channel, pitch; and events by tick.</summary>
    public void Sort()
    {
        Notes.Sort(static (a, b) =>
        {
            var c = a.StartTick.CompareTo(b.StartTick);
            if (c != 0) return c;
            c = a.Track.CompareTo(b.Track);
            if (c != 0) return c;
            c = a.Channel.CompareTo(b.Channel);
            return c != 0 ? c : a.Pitch.CompareTo(b.Pitch);
        });
        TimeSignatures.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
        KeySignatures.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
        ControlChanges.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
        PitchBends.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
        ProgramChanges.Sort(static (a, b) => a.Tick.CompareTo(b.Tick));
    }

    /// <summary>Adds a note given in ticks, filling its seconds from the tempo map.</summary>
    public Note AddNote(int pitch, int velocity, long startTick, long endTick, int channel = 0, int program = 0, bool isDrum = false, int track = 0)
    {
        var note = new Note(pitch, velocity, startTick, endTick, TempoMap.TickToSeconds(startTick), TempoMap.TickToSeconds(endTick), channel, program, isDrum, track);
        Notes.Add(note);
        return note;
    }

    /// <summary>Adds a note given in seconds, filling its ticks from the tempo map.</summary>
    public Note AddNoteSeconds(int pitch, int velocity, double startSeconds, double endSeconds, int channel = 0, int program = 0, bool isDrum = false, int track = 0)
    {
        var note = new Note(pitch, velocity, TempoMap.SecondsToTick(startSeconds), TempoMap.SecondsToTick(endSeconds), startSeconds, endSeconds, channel, program, isDrum, track);
        Notes.Add(note);
        return note;
    }
}
