using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Midi;

/// <summary>The note rules and event kinds on hand-built files whose meaning is known byte by byte.</summary>
public class MidiReaderRuleTests
{
    private static readonly byte[] Eot = MidiBytes.EndOfTrack;

    [Fact]
    public void RunningStatusAndVelocityZeroNoteOff()
    {
        // Note on C4, running status note on E4, then both off as note-on velocity 0 (running status again).
        var seq = MidiFileReader.Read(MidiBytes.SingleTrack([0x00, 0x90, 60, 100, 0x00, 64, 90, 0x60, 60, 0, 0x00, 64, 0, .. Eot]), "t.mid");
        Assert.Equal(
            [new Note(60, 100, 0, 96, 0, 0.5), new Note(64, 90, 0, 96, 0, 0.5)],
            seq.Notes);
    }

    [Fact]
    public void NoteOffClosesTheEarliestOpenNoteOfTheSameKey()
    {
        // on@0 v10, on@10 v20, off@20 (closes the v10 note), off@40 (closes the v20 note); same pitch and channel.
        var seq = MidiFileReader.Read(MidiBytes.SingleTrack([0x00, 0x91, 60, 10, 0x0A, 60, 20, 0x0A, 0x81, 60, 0, 0x14, 60, 0, .. Eot]), "t.mid");
        Assert.Equal([(0L, 20L, 10), (10L, 40L, 20)], seq.Notes.Select(n => (n.StartTick, n.EndTick, n.Velocity)));
        Assert.All(seq.Notes, n => Assert.Equal(1, n.Channel));
    }

    [Fact]
    public void UnclosedNoteEndsAtItsTracksLastEvent()
    {
        // Track 0: note never closed, track ends at tick 50. Track 1 runs to tick 500 but does not extend it.
        var file = MidiBytes.File(
            MidiBytes.Header(1, 2, 96),
            MidiBytes.Track([0x00, 0x90, 60, 100, 0x32, 0xFF, 0x2F, 0x00]),
            MidiBytes.Track([0x83, 0x74, 0xFF, 0x2F, 0x00]));
        var note = Assert.Single(MidiFileReader.Read(file, "t.mid").Notes);
        Assert.Equal((0L, 50L, 0), (note.StartTick, note.EndTick, note.Track));
    }

    [Fact]
    public void ProgramIsTheLastChangeOnTheChannelInAnyTrackAtOrBeforeTheNote()
    {
        // Track 0 sets channel 0 to 5 at tick 0 and to 7 at tick 20; track 1's notes at 10, 20 and 30 on channel 0, one on channel 1.
        var file = MidiBytes.File(
            MidiBytes.Header(1, 2, 96),
            MidiBytes.Track([0x00, 0xC0, 5, 0x14, 0xC0, 7, .. Eot]),
            MidiBytes.Track([0x0A, 0x90, 60, 100, 0x00, 0x91, 62, 100, 0x0A, 0x90, 61, 100, 0x0A, 0x90, 63, 100, 0x0A, 0x80, 60, 0, 0x00, 61, 0, 0x00, 63, 0, 0x00, 0x81, 62, 0, .. Eot]));
        var seq = MidiFileReader.Read(file, "t.mid");
        Assert.Equal([(60, 5), (62, 0), (61, 7), (63, 7)], seq.Notes.Select(n => (n.Pitch, n.Program)));
        Assert.Equal([new ProgramChange(0, 0, 0, 5, 0), new ProgramChange(20, 20 / 192.0, 0, 7, 0)], seq.ProgramChanges);
    }

    [Fact]
    public void TempoFromAnotherTrackTimesTheNotesAndChannelNineIsDrums()
    {
        // Track 0: 60 bpm from tick 96. Track 1: a drum note 0..192 on channel 9.
        var file = MidiBytes.File(
            MidiBytes.Header(1, 2, 96),
            MidiBytes.Track([0x60, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, .. Eot]),
            MidiBytes.Track([0x00, 0x99, 36, 100, 0x81, 0x40, 0x89, 36, 64, .. Eot]));
        var seq = MidiFileReader.Read(file, "t.mid");
        var note = Assert.Single(seq.Notes);
        Assert.True(note.IsDrum);
        Assert.Equal(1.5, note.EndSeconds, 12);
        Assert.Equal([new TempoChange(0, 500_000), new TempoChange(96, 1_000_000)], seq.TempoMap.Changes);
    }

    [Fact]
    public void MetaEventsFillNamesSignaturesAndTitle()
    {
        var file = MidiBytes.File(
            MidiBytes.Header(1, 2, 96),
            MidiBytes.Track([0x00, 0xFF, 0x03, 0x04, (byte)'S', (byte)'o', (byte)'n', (byte)'g', 0x00, 0xFF, 0x58, 0x04, 0x06, 0x03, 0x18, 0x08,
                0x00, 0xFF, 0x59, 0x02, 0xFD, 0x01, 0x00, 0xFF, 0x01, 0x02, (byte)'h', (byte)'i', 0x00, 0xFF, 0x7F, 0x01, 0x42, .. Eot]),
            MidiBytes.Track([0x00, 0xFF, 0x03, 0x04, (byte)'B', (byte)'a', (byte)'s', (byte)'s', 0x00, 0xFF, 0x04, 0x02, (byte)'E', (byte)'B',
                0x00, 0xB2, 0x07, 0x64, 0x00, 0xE2, 0x00, 0x40, 0x00, 0xE2, 0x7F, 0x7F, .. Eot]));
        var seq = MidiFileReader.Read(file, "t.mid");
        Assert.Equal("Song", seq.Title);
        Assert.Equal([new TrackInfo(0, "Song"), new TrackInfo(1, "Bass", "EB")], seq.Tracks);
        Assert.Equal([new TimeSignature(0, 6, 8)], seq.TimeSignatures);
        Assert.Equal([new KeySignature(0, -3, true)], seq.KeySignatures);
        Assert.Equal([new ControlChange(0, 0, 2, 7, 100, 1)], seq.ControlChanges);
        Assert.Equal([0, 8191], seq.PitchBends.Select(p => p.Value));
    }

    [Fact]
    public void SysExBothKindsAreKeptAndCancelNothingElse()
    {
        var data = MidiBytes.SingleTrack([0x00, 0xF0, 0x03, 0x7E, 0x09, 0xF7, 0x00, 0xF7, 0x02, 0xF3, 0x01, 0x00, 0x90, 60, 1, 0x10, 60, 0, .. Eot]);
        var file = MidiFile.Parse(data, "t.mid");
        var events = file.Tracks[0].Events;
        Assert.Equal([0xF0, 0xF7, 0x90, 0x90, 0xFF], events.Select(e => (int)e.Status));
        Assert.Equal([0x7E, 0x09, 0xF7], events[0].Payload);
        Assert.Equal([0xF3, 0x01], events[1].Payload);
        Assert.Equal(MidiBytes.FirstTrackBody + 6, events[1].Offset);
        Assert.Single(MidiFileReader.Read(data, "t.mid").Notes);
    }

    [Fact]
    public void UnknownChunksAndLongHeadersAreSkipped()
    {
        var data = MidiBytes.File(
            MidiBytes.Header(1, 2, 96, length: 10),
            MidiBytes.Chunk("XFIH", [1, 2, 3]),
            MidiBytes.Track([0x00, 0x90, 60, 100, 0x10, 60, 0, .. Eot]),
            MidiBytes.Chunk("MTrX", [0x00, 0x90, 61]),
            MidiBytes.Track([0x00, 0x90, 62, 100, 0x10, 62, 0, .. Eot]),
            "trailing junk"u8.ToArray());
        var seq = MidiFileReader.Read(data, "t.mid");
        Assert.Equal([(60, 0), (62, 1)], seq.Notes.Select(n => (n.Pitch, n.Track)));
    }

    [Fact]
    public void Format2TracksAreIndependentSequencesFromTickZero()
    {
        var data = MidiBytes.File(
            MidiBytes.Header(2, 2, 96),
            MidiBytes.Track([0x00, 0x90, 60, 100, 0x10, 60, 0, .. Eot]),
            MidiBytes.Track([0x00, 0x90, 62, 100, 0x20, 62, 0, .. Eot]));
        var file = MidiFile.Parse(data, "t.mid");
        Assert.Equal(2, file.Format);
        var seq = MidiFileReader.ToNoteSequence(file, "t.mid");
        Assert.Equal([(0L, 16L, 0), (0L, 32L, 1)], seq.Notes.Select(n => (n.StartTick, n.EndTick, n.Track)));
    }

    [Fact]
    public void SmpteDivisionConvertsTicksToSecondsAtTheFrameRate()
    {
        // 25 fps × 40 ticks per frame = 1000 ticks per second; a tempo event must not change that.
        var data = MidiBytes.File(
            MidiBytes.Header(0, 1, 0xE728),
            MidiBytes.Track([0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, 0x00, 0x90, 60, 100, 0x87, 0x68, 60, 0, .. Eot]));
        var file = MidiFile.Parse(data, "t.mid");
        Assert.True(file.Division.IsSmpte);
        Assert.Equal((25, 40), (file.Division.SmpteFormat, file.Division.TicksPerFrame));
        var note = Assert.Single(MidiFileReader.ToNoteSequence(file, "t.mid").Notes);
        Assert.Equal(1000, note.EndTick);
        Assert.Equal(1.0, note.EndSeconds, 12);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0L)]
    [InlineData(new byte[] { 0x7F }, 127L)]
    [InlineData(new byte[] { 0x81, 0x00 }, 128L)]
    [InlineData(new byte[] { 0xFF, 0x7F }, 16383L)]
    [InlineData(new byte[] { 0x81, 0x80, 0x00 }, 16384L)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F }, 0x0FFFFFFFL)]
    public void VariableLengthDeltasUpToFourBytes(byte[] vlq, long tick)
    {
        var file = MidiFile.Parse(MidiBytes.SingleTrack([.. vlq, 0xFF, 0x2F, 0x00]), "t.mid");
        Assert.Equal(tick, Assert.Single(file.Tracks[0].Events).Tick);
    }
}
