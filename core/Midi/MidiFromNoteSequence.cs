using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>
/// Lays a <see cref="NoteSequence"/> out as a format 1 <see cref="MidiFile"/> (format 0 when it has one track)
/// so that <see cref="NoteSequenceFromMidi"/> reads the same notes back. Each MTrk keeps its track index;
/// tempo, time and key signatures go to track 0. Within a tick, note offs come first, then program changes,
/// controllers and pitch bends, then note ons, a zero-length note's off right after its on. Programs that
/// the notes carry but no program change explains get a program change at the note. Limits of the format:
/// velocities are clamped to 1…127 (velocity 0 would be a note off), and for notes of one track, channel and
/// pitch that nest (a later note ending first) the reader's earliest-first rule pairs the offs differently.
/// </summary>
internal static class MidiFromNoteSequence
{
    private const long MaxDelta = 0x0FFF_FFFF;

    private enum Order
    {
        Name,
        Conductor,
        NoteOff,
        Program,
        Control,
        Bend,
        NoteOn,
        End,
    }

    public static MidiFile Convert(NoteSequence seq)
    {
        var division = ChooseDivision(seq);
        var trackCount = Math.Max(1, TrackCount(seq));
        var events = new List<(long Tick, Order Order, long Sequence, MidiEvent Event)>[trackCount];
        for (var t = 0; t < trackCount; t++) events[t] = [];
        long sequence = 0;
        void Add(int track, long tick, Order order, MidiEvent e) => events[track].Add((tick, order, sequence++, e));

        foreach (var info in seq.Tracks)
        {
            var name = info.Name ?? (info.Index == 0 ? seq.Title : null);
            if (name is not null) Add(info.Index, 0, Order.Name, MidiEvent.MetaText(0, MidiMetaType.TrackName, name));
            if (info.InstrumentName is not null) Add(info.Index, 0, Order.Name, MidiEvent.MetaText(0, MidiMetaType.InstrumentName, info.InstrumentName));
        }
        if (seq.Title is not null && !seq.Tracks.Any(i => i.Index == 0))
            Add(0, 0, Order.Name, MidiEvent.MetaText(0, MidiMetaType.TrackName, seq.Title));

        if (!division.IsSmpte)
        {
            foreach (var tempo in seq.TempoMap.Changes)
            {
                var us = tempo.MicrosecondsPerQuarter;
                if (us is <= 0 or > 0xFFFFFF) throw new ArgumentException($"tempo of {us} microseconds per quarter cannot be stored in a MIDI file");
                Add(0, tempo.Tick, Order.Conductor, MidiEvent.Meta(tempo.Tick, MidiMetaType.Tempo, [(byte)(us >> 16), (byte)(us >> 8), (byte)us]));
            }
        }
        foreach (var ts in seq.TimeSignatures)
        {
            if (ts.Numerator is <= 0 or > 255 || ts.Denominator <= 0 || (ts.Denominator & (ts.Denominator - 1)) != 0)
                throw new ArgumentException($"time signature {ts.Numerator}/{ts.Denominator} cannot be stored in a MIDI file");
            Add(0, ts.Tick, Order.Conductor, MidiEvent.Meta(ts.Tick, MidiMetaType.TimeSignature, [(byte)ts.Numerator, (byte)System.Numerics.BitOperations.Log2((uint)ts.Denominator), 24, 8]));
        }
        foreach (var ks in seq.KeySignatures)
            Add(0, ks.Tick, Order.Conductor, MidiEvent.Meta(ks.Tick, MidiMetaType.KeySignature, [(byte)(sbyte)ks.Sharps, ks.IsMinor ? (byte)1 : (byte)0]));

        foreach (var pc in WithImpliedProgramChanges(seq))
            Add(pc.Track, pc.Tick, Order.Program, MidiEvent.ChannelMessage(pc.Tick, 0xC0, pc.Channel, pc.Program));
        foreach (var cc in seq.ControlChanges)
            Add(cc.Track, cc.Tick, Order.Control, MidiEvent.ChannelMessage(cc.Tick, 0xB0, cc.Channel, cc.Controller, cc.Value));
        foreach (var pb in seq.PitchBends)
        {
            var raw = Math.Clamp(pb.Value + 8192, 0, 16383);
            Add(pb.Track, pb.Tick, Order.Bend, MidiEvent.ChannelMessage(pb.Tick, 0xE0, pb.Channel, raw & 0x7F, raw >> 7));
        }

        // Same-start notes of one key: the shorter first, so earliest-first pairing closes the right one.
        foreach (var n in seq.Notes.OrderBy(n => n.StartTick).ThenBy(n => n.EndTick))
        {
            if (n.EndTick < n.StartTick) throw new ArgumentException($"note ending (tick {n.EndTick}) before it starts (tick {n.StartTick})");
            var velocity = Math.Clamp(n.Velocity, 1, 127);
            Add(n.Track, n.StartTick, Order.NoteOn, MidiEvent.ChannelMessage(n.StartTick, 0x90, n.Channel, n.Pitch, velocity));
            var offOrder = n.EndTick == n.StartTick ? Order.NoteOn : Order.NoteOff;
            Add(n.Track, n.EndTick, offOrder, MidiEvent.ChannelMessage(n.EndTick, 0x90, n.Channel, n.Pitch, 0));
        }

        var file = new MidiFile(trackCount == 1 ? 0 : 1, division);
        for (var t = 0; t < trackCount; t++)
        {
            var list = events[t];
            list.Sort(static (a, b) =>
            {
                var c = a.Tick.CompareTo(b.Tick);
                if (c != 0) return c;
                c = a.Order.CompareTo(b.Order);
                return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
            });
            if (list.Count > 0 && list[0].Tick < 0) throw new ArgumentException($"event at negative tick {list[0].Tick}");
            var track = new MidiTrack();
            foreach (var (tick, _, _, e) in list)
            {
                // A delta time holds at most 0x0FFFFFFF ticks; bridge longer silences with empty text events, which readers ignore.
                while (tick - track.EndTick > MaxDelta) track.Events.Add(MidiEvent.Meta(track.EndTick + MaxDelta, MidiMetaType.Text, []));
                track.Events.Add(e);
            }
            track.Events.Add(MidiEvent.EndOfTrack(track.EndTick));
            file.Tracks.Add(track);
        }
        return file;
    }

    private static int TrackCount(NoteSequence seq)
    {
        int[] indices =
        [
            .. seq.Tracks.Select(i => i.Index), .. seq.Notes.Select(n => n.Track), .. seq.ControlChanges.Select(c => c.Track),
            .. seq.ProgramChanges.Select(p => p.Track), .. seq.PitchBends.Select(b => b.Track),
        ];
        if (indices.Length == 0) return 0;
        if (indices.Min() < 0) throw new ArgumentException($"negative track index {indices.Min()}");
        if (indices.Max() >= ushort.MaxValue) throw new ArgumentException($"track index {indices.Max()} is too large for a MIDI file");
        return indices.Max() + 1;
    }

    private static MidiDivision ChooseDivision(NoteSequence seq)
    {
        if (seq.TempoMap.TicksPerSecond is not { } ticksPerSecond)
        {
            if (seq.TempoMap.TicksPerQuarter != seq.TicksPerQuarter)
                throw new ArgumentException($"the tempo map counts {seq.TempoMap.TicksPerQuarter} ticks per quarter but the sequence {seq.TicksPerQuarter}");
            return MidiDivision.FromTicksPerQuarter(seq.TicksPerQuarter);
        }
        foreach (var format in (ReadOnlySpan<int>)[24, 25, 29, 30])
        {
            var fps = format == 29 ? 30000.0 / 1001.0 : format;
            var ticksPerFrame = (int)Math.Round(ticksPerSecond / fps);
            if (ticksPerFrame is >= 1 and <= 255 && Math.Abs(fps * ticksPerFrame - ticksPerSecond) < 1e-9 * ticksPerSecond)
                return MidiDivision.FromSmpte(format, ticksPerFrame);
        }
        throw new ArgumentException($"an SMPTE rate of {ticksPerSecond} ticks per second has no MIDI division");
    }

    /// <summary>The sequence's program changes plus one wherever a note's program differs from the one in force.</summary>
    private static List<ProgramChange> WithImpliedProgramChanges(NoteSequence seq)
    {
        var result = new List<ProgramChange>(seq.ProgramChanges);
        var current = new int[16];
        var changes = seq.ProgramChanges.OrderBy(p => p.Tick).ThenBy(p => p.Track).ToList();
        var next = 0;
        foreach (var n in seq.Notes.OrderBy(n => n.StartTick))
        {
            // The reader applies every change at or before a note's start tick.
            for (; next < changes.Count && changes[next].Tick <= n.StartTick; next++) current[changes[next].Channel] = changes[next].Program;
            if (n.Program == current[n.Channel]) continue;
            if ((uint)n.Program > 127) throw new ArgumentException($"program {n.Program} is outside 0..127");
            current[n.Channel] = n.Program;
            result.Add(new ProgramChange(n.StartTick, n.StartSeconds, n.Channel, n.Program, n.Track));
        }
        return result;
    }
}
