using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>
/// Turns a parsed <see cref="MidiFile"/> into a <see cref="NoteSequence"/> with Euterpe's note rules:
/// a note on with velocity 0 is a note off; a note off closes the earliest open note of the same
/// (track, channel, pitch); a note never closed ends at its track's last event; a note's program is the
/// last program change on its channel in any track at or before its start (ties broken by track, then
/// file order), else 0; channel 9 is drums; seconds come from the tempo map merged over all tracks.
/// </summary>
internal static class NoteSequenceFromMidi
{
    private const int Keys = 16 * 128;

    public static NoteSequence Convert(MidiFile file, string sourceName)
    {
        var seq = CreateSequence(file, sourceName);
        var map = seq.TempoMap;
        var programs = new ProgramLookup(file);
        var open = new Queue<(long Tick, int Velocity)>?[Keys];

        for (var t = 0; t < file.Tracks.Count; t++)
        {
            var track = file.Tracks[t];
            seq.Tracks.Add(new TrackInfo(t, track.Name, track.InstrumentName));
            foreach (var e in track.Events)
            {
                if (e.IsMeta)
                {
                    AddMeta(seq, e, sourceName);
                    continue;
                }
                if (!e.IsChannelMessage) continue;
                var channel = e.Channel;
                switch (e.Command)
                {
                    case 0x90 when e.Data2 > 0:
                        (open[channel * 128 + e.Data1] ??= new()).Enqueue((e.Tick, e.Data2));
                        break;
                    case 0x80 or 0x90:
                        if (open[channel * 128 + e.Data1] is { Count: > 0 } queue)
                        {
                            var (start, velocity) = queue.Dequeue();
                            AddNote(seq, programs, t, channel, e.Data1, velocity, start, e.Tick);
                        }
                        break;
                    case 0xB0:
                        seq.ControlChanges.Add(new ControlChange(e.Tick, map.TickToSeconds(e.Tick), channel, e.Data1, e.Data2, t));
                        break;
                    case 0xC0:
                        seq.ProgramChanges.Add(new ProgramChange(e.Tick, map.TickToSeconds(e.Tick), channel, e.Data1, t));
                        break;
                    case 0xE0:
                        seq.PitchBends.Add(new PitchBend(e.Tick, map.TickToSeconds(e.Tick), channel, ((e.Data2 << 7) | e.Data1) - 8192, t));
                        break;
                }
            }
            // Notes still sounding when the track ends last until its final event.
            for (var key = 0; key < Keys; key++)
            {
                if (open[key] is not { Count: > 0 } queue) continue;
                while (queue.TryDequeue(out var note))
                    AddNote(seq, programs, t, key / 128, key % 128, note.Velocity, note.Tick, Math.Max(note.Tick, track.EndTick));
            }
        }
        seq.Title = file.Tracks.Count > 0 ? file.Tracks[0].Name : null;
        // NoteSequence.Sort is not stable, but events at one tick must keep track-then-file order (it decides
        // the program in force), so the event lists are sorted stably here and only the notes are left to it.
        var programChanges = seq.ProgramChanges.OrderBy(static p => p.Tick).ToArray();
        var controlChanges = seq.ControlChanges.OrderBy(static c => c.Tick).ToArray();
        var pitchBends = seq.PitchBends.OrderBy(static b => b.Tick).ToArray();
        var timeSignatures = seq.TimeSignatures.OrderBy(static t => t.Tick).ToArray();
        var keySignatures = seq.KeySignatures.OrderBy(static k => k.Tick).ToArray();
        seq.Sort();
        Replace(seq.ProgramChanges, programChanges);
        Replace(seq.ControlChanges, controlChanges);
        Replace(seq.PitchBends, pitchBends);
        Replace(seq.TimeSignatures, timeSignatures);
        Replace(seq.KeySignatures, keySignatures);
        return seq;
    }

    private static void Replace<T>(List<T> list, T[] items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private static void AddNote(NoteSequence seq, ProgramLookup programs, int track, int channel, int pitch, int velocity, long start, long end) =>
        seq.AddNote(pitch, velocity, start, end, channel, programs.At(channel, start), channel == 9, track);

    /// <summary>Builds the sequence with its tempo map, which every later seconds value depends on.</summary>
    private static NoteSequence CreateSequence(MidiFile file, string sourceName)
    {
        if (file.Division.TicksPerSecond is { } ticksPerSecond)
        {
            // SMPTE timing has no quarter note; call a quarter the ticks of half a second (a quarter at 120 bpm).
            var map = TempoMap.ForSmpte(file.Division.FramesPerSecond, file.Division.TicksPerFrame);
            return new NoteSequence(Math.Max(1, (int)Math.Round(ticksPerSecond / 2)), map);
        }
        var tempos = new List<TempoChange>();
        foreach (var track in file.Tracks)
        {
            foreach (var e in track.Events)
            {
                if (!e.IsMeta || e.MetaType != MidiMetaType.Tempo) continue;
                if (e.Payload.Length != 3) throw new MidiFormatException(sourceName, $"tempo meta event has {e.Payload.Length} data bytes, not 3", e.Offset);
                var microseconds = (e.Payload[0] << 16) | (e.Payload[1] << 8) | e.Payload[2];
                if (microseconds == 0) throw new MidiFormatException(sourceName, "tempo of 0 microseconds per quarter note", e.Offset);
                tempos.Add(new TempoChange(e.Tick, microseconds));
            }
        }
        var ticksPerQuarter = file.Division.TicksPerQuarter;
        return new NoteSequence(ticksPerQuarter, new TempoMap(ticksPerQuarter, tempos));
    }

    private static void AddMeta(NoteSequence seq, MidiEvent e, string sourceName)
    {
        switch (e.MetaType)
        {
            case MidiMetaType.TimeSignature:
                if (e.Payload.Length < 2) throw new MidiFormatException(sourceName, $"time signature meta event has {e.Payload.Length} data bytes, not 4", e.Offset);
                if (e.Payload[0] == 0) throw new MidiFormatException(sourceName, "time signature with numerator 0", e.Offset);
                if (e.Payload[1] > 30) throw new MidiFormatException(sourceName, $"time signature denominator 2^{e.Payload[1]} is too large", e.Offset);
                seq.TimeSignatures.Add(new TimeSignature(e.Tick, e.Payload[0], 1 << e.Payload[1]));
                break;
            case MidiMetaType.KeySignature:
                if (e.Payload.Length < 2) throw new MidiFormatException(sourceName, $"key signature meta event has {e.Payload.Length} data bytes, not 2", e.Offset);
                seq.KeySignatures.Add(new KeySignature(e.Tick, (sbyte)e.Payload[0], e.Payload[1] != 0));
                break;
        }
    }

    /// <summary>Program changes of all tracks per channel, ordered by tick, then track, then file order.</summary>
    private sealed class ProgramLookup
    {
        private readonly long[][] _ticks = new long[16][];
        private readonly int[][] _programs = new int[16][];

        public ProgramLookup(MidiFile file)
        {
            var perChannel = new List<(long Tick, int Program)>[16];
            for (var c = 0; c < 16; c++) perChannel[c] = [];
            // Tracks are visited in order, so a stable sort by tick gives tick, track, file order.
            foreach (var track in file.Tracks)
            {
                foreach (var e in track.Events)
                {
                    if (e.IsChannelMessage && e.Command == 0xC0) perChannel[e.Channel].Add((e.Tick, e.Data1));
                }
            }
            for (var c = 0; c < 16; c++)
            {
                var sorted = perChannel[c].OrderBy(x => x.Tick).ToArray();
                _ticks[c] = [.. sorted.Select(x => x.Tick)];
                _programs[c] = [.. sorted.Select(x => x.Program)];
            }
        }

        public int At(int channel, long tick)
        {
            var ticks = _ticks[channel];
            // Index of the last change at or before the tick.
            int lo = 0, hi = ticks.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (ticks[mid] <= tick) lo = mid + 1; else hi = mid;
            }
            return lo == 0 ? 0 : _programs[channel][lo - 1];
        }
    }
}
