namespace Euterpe.Core.Music;

/// <summary>Helpers the sequence operations share: copying everything but the notes, and re-deriving seconds from ticks.</summary>
internal static class SequenceCopy
{
    /// <summary>A new sequence with the same timing, signatures, events, tracks and title, but no notes.</summary>
    public static NoteSequence WithoutNotes(NoteSequence source)
    {
        var copy = new NoteSequence(source.TicksPerQuarter, source.TempoMap) { Title = source.Title };
        copy.TimeSignatures.AddRange(source.TimeSignatures);
        copy.KeySignatures.AddRange(source.KeySignatures);
        copy.ControlChanges.AddRange(source.ControlChanges);
        copy.PitchBends.AddRange(source.PitchBends);
        copy.ProgramChanges.AddRange(source.ProgramChanges);
        copy.Tracks.AddRange(source.Tracks);
        return copy;
    }

    /// <summary>The note moved to new ticks, its seconds recomputed from the tempo map so both stay consistent.</summary>
    public static Note Retime(NoteSequence sequence, Note note, long startTick, long endTick) => note with
    {
        StartTick = startTick,
        EndTick = endTick,
        StartSeconds = sequence.TempoMap.TickToSeconds(startTick),
        EndSeconds = sequence.TempoMap.TickToSeconds(endTick),
    };
}
