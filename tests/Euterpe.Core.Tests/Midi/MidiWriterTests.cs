using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Midi;

/// <summary>What the writer puts in the file, checked byte by byte against the specification and through midicsv.</summary>
public sealed class MidiWriterTests
{
    [Fact]
    public void OneNoteIsTheSmallestFormatZeroFile()
    {
        var seq = new NoteSequence(96);
        seq.AddNote(60, 100, 0, 96);
        byte[] expected =
        [
            .. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
            .. "MTrk"u8, 0, 0, 0, 18,
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, // tempo 500000 µs per quarter
            0x00, 0x90, 60, 100,
            0x60, 60, 0, // running status; velocity 0 ends the note
            0x00, 0xFF, 0x2F, 0x00,
        ];
        Assert.Equal(expected, MidiFileWriter.ToBytes(seq));
    }

    [Fact]
    public void VelocitiesAreClampedToWhatANoteOnCanCarry()
    {
        var seq = new NoteSequence(96);
        seq.AddNote(60, 0, 0, 10);
        seq.AddNote(62, 300, 0, 10);
        var back = MidiFileReader.Read(MidiFileWriter.ToBytes(seq), "back.mid");
        Assert.Equal([(60, 1), (62, 127)], back.Notes.Select(n => (n.Pitch, n.Velocity)));
    }

    [Fact]
    public void NotesCarryingProgramsGetProgramChanges()
    {
        var seq = new NoteSequence(96);
        seq.AddNote(60, 90, 0, 10, channel: 3, program: 40);
        seq.AddNote(61, 90, 10, 20, channel: 3, program: 40, track: 1);
        seq.AddNote(62, 90, 20, 30, channel: 3, program: 0, track: 1);
        seq.AddNote(36, 90, 0, 30, channel: 9, program: 0, isDrum: true, track: 2);
        seq.Sort();
        var back = MidiFileReader.Read(MidiFileWriter.ToBytes(seq), "back.mid");
        Assert.Equal(seq.Notes, back.Notes);
        Assert.Equal([(0L, 3, 40), (20L, 3, 0)], back.ProgramChanges.Select(p => (p.Tick, p.Channel, p.Program)));
    }

    [Fact]
    public void TouchingAndZeroLengthNotesOfOneKeyKeepTheirBounds()
    {
        var seq = new NoteSequence(96);
        seq.AddNote(60, 10, 0, 10);
        seq.AddNote(60, 20, 10, 10);
        seq.AddNote(60, 30, 10, 20);
        seq.AddNote(60, 40, 20, 20);
        var back = MidiFileReader.Read(MidiFileWriter.ToBytes(seq), "back.mid");
        Assert.Equal(seq.Notes, back.Notes);
    }

    [Fact]
    public void SilencesLongerThanADeltaTimeAreBridged()
    {
        var seq = new NoteSequence(96);
        seq.AddNote(60, 100, 0x1000_0000, 0x3000_0000, track: 1);
        seq.Sort();
        var back = MidiFileReader.Read(MidiFileWriter.ToBytes(seq), "back.mid");
        Assert.Equal(seq.Notes, back.Notes);
    }

    [Fact]
    public void SysExMetaAndEveryChannelMessageSurviveMidicsv()
    {
        using var dir = new TempFolder("euterpe-midi-writer-");
        var file = new MidiFile(0, MidiDivision.FromTicksPerQuarter(96));
        file.Tracks.Add(new MidiTrack(
        [
            MidiEvent.SysEx(0, 0xF0, [0x7E, 0x09, 0xF7]),
            MidiEvent.SysEx(5, 0xF7, [0xF3, 0x01]),
            MidiEvent.MetaText(5, MidiMetaType.Text, "hi"),
            MidiEvent.MetaText(5, MidiMetaType.Lyric, "la"),
            MidiEvent.MetaText(5, MidiMetaType.Marker, "A"),
            MidiEvent.ChannelMessage(10, 0xA0, 0, 60, 16),
            MidiEvent.ChannelMessage(10, 0xD0, 1, 32),
            MidiEvent.ChannelMessage(200, 0xE0, 2, 0, 64),
            MidiEvent.ChannelMessage(200, 0xB0, 2, 7, 99),
            MidiEvent.ChannelMessage(200, 0xB0, 2, 10, 64),
            MidiEvent.ChannelMessage(200, 0xC0, 2, 5),
            MidiEvent.Meta(20_200, MidiMetaType.SequencerSpecific, [0x42]),
            MidiEvent.Meta(20_200, MidiMetaType.SmpteOffset, [1, 2, 3, 4, 5]),
        ]));
        var path = dir.File("events.mid");
        file.Write(path);
        var lines = MidiTestEnvironment.MidiCsv(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        string[] expected =
        [
            "0, 0, Header, 0, 1, 96",
            "1, 0, Start_track",
            "1, 0, System_exclusive, 3, 126, 9, 247",
            "1, 5, System_exclusive_packet, 2, 243, 1",
            "1, 5, Text_t, \"hi\"",
            "1, 5, Lyric_t, \"la\"",
            "1, 5, Marker_t, \"A\"",
            "1, 10, Poly_aftertouch_c, 0, 60, 16",
            "1, 10, Channel_aftertouch_c, 1, 32",
            "1, 200, Pitch_bend_c, 2, 8192",
            "1, 200, Control_c, 2, 7, 99",
            "1, 200, Control_c, 2, 10, 64",
            "1, 200, Program_c, 2, 5",
            "1, 20200, Sequencer_specific, 1, 66",
            "1, 20200, SMPTE_offset, 1, 2, 3, 4, 5",
            "1, 20200, End_track",
            "0, 0, End_of_file",
        ];
        Assert.Equal(expected, lines);
        Assert.Equal(file.Tracks[0].Events.Append(MidiEvent.EndOfTrack(20_200)), MidiFile.Read(path).Tracks[0].Events);
    }
}
