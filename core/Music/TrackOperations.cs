namespace Euterpe.Core.Music;

/// <summary>Merging tracks into one, and splitting a sequence by track, by instrument or by instrument family.</summary>
public static class TrackOperations
{
    /// <summary>Everything on track 0 (channels and programs kept), with one track entry named after the sequence.</summary>
    public static NoteSequence Merge(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var result = new NoteSequence(sequence.TicksPerQuarter, sequence.TempoMap) { Title = sequence.Title };
        result.TimeSignatures.AddRange(sequence.TimeSignatures);
        result.KeySignatures.AddRange(sequence.KeySignatures);
        result.Notes.AddRange(sequence.Notes.Select(n => n with { Track = 0 }));
        result.ControlChanges.AddRange(sequence.ControlChanges.Select(c => c with { Track = 0 }));
        result.PitchBends.AddRange(sequence.PitchBends.Select(p => p with { Track = 0 }));
        result.ProgramChanges.AddRange(sequence.ProgramChanges.Select(p => p with { Track = 0 }));
        result.Tracks.Add(new TrackInfo(0, sequence.Title));
        result.Sort();
        return result;
    }

    /// <summary>One sequence per track that has notes or events, in track order; each keeps the shared tempo and signatures.</summary>
    public static IReadOnlyList<NoteSequence> SplitByTrack(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var tracks = sequence.Notes.Select(n => n.Track)
            .Concat(sequence.ControlChanges.Select(c => c.Track))
            .Concat(sequence.ProgramChanges.Select(p => p.Track))
            .Concat(sequence.PitchBends.Select(p => p.Track))
            .Distinct().Order();
        return [.. tracks.Select(track => Track(sequence, track))];
    }

    /// <summary>
    /// Track <paramref name="track"/> alone: its notes and events, still on that track index, with the shared tempo
    /// and signatures (empty when the sequence has nothing on that track).
    /// </summary>
    public static NoteSequence Track(NoteSequence sequence, int track)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return Part(sequence, n => n.Track == track, (t, _) => t == track, sequence.Tracks.Where(t => t.Index == track));
    }

    /// <summary>One part per instrument: per GM program, with all drum-kit notes (drum flag or channel 10) as one part.</summary>
    public static IReadOnlyList<InstrumentPart> SplitByInstrument(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return [.. sequence.Notes
            .GroupBy(InstrumentKey)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var isDrum = g.Key < 0;
                var channels = g.Select(n => (n.Track, n.Channel)).ToHashSet();
                var part = Part(sequence, n => InstrumentKey(n) == g.Key, (t, c) => channels.Contains((t, c)), sequence.Tracks);
                var program = isDrum ? 0 : g.Key;
                return new InstrumentPart(program, isDrum, isDrum ? InstrumentFamily.Drums : InstrumentFamilies.Of(program), part);
            })];
    }

    /// <summary>One sequence per instrument family present, in family order.</summary>
    public static IReadOnlyDictionary<InstrumentFamily, NoteSequence> SplitByFamily(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var result = new SortedDictionary<InstrumentFamily, NoteSequence>();
        foreach (var group in sequence.Notes.GroupBy(InstrumentFamilies.Of))
        {
            var channels = group.Select(n => (n.Track, n.Channel)).ToHashSet();
            result[group.Key] = Part(sequence, n => InstrumentFamilies.Of(n) == group.Key, (t, c) => channels.Contains((t, c)), sequence.Tracks);
        }
        return result;
    }

    /// <summary>The GM program, or −1 for the drum kit.</summary>
    private static int InstrumentKey(Note note) => InstrumentFamilies.Of(note) == InstrumentFamily.Drums ? -1 : note.Program;

    private static NoteSequence Part(NoteSequence source, Func<Note, bool> keepNote, Func<int, int, bool> keepEvents, IEnumerable<TrackInfo> tracks)
    {
        var part = new NoteSequence(source.TicksPerQuarter, source.TempoMap) { Title = source.Title };
        part.TimeSignatures.AddRange(source.TimeSignatures);
        part.KeySignatures.AddRange(source.KeySignatures);
        part.Notes.AddRange(source.Notes.Where(keepNote));
        part.ControlChanges.AddRange(source.ControlChanges.Where(c => keepEvents(c.Track, c.Channel)));
        part.PitchBends.AddRange(source.PitchBends.Where(p => keepEvents(p.Track, p.Channel)));
        part.ProgramChanges.AddRange(source.ProgramChanges.Where(p => keepEvents(p.Track, p.Channel)));
        part.Tracks.AddRange(tracks);
        part.Sort();
        return part;
    }
}
