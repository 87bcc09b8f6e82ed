using Euterpe.Core.Abc;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class TrackOperationsTests
{
    private static NoteSequence Band()
    {
        var sequence = new NoteSequence(480);
        sequence.Tracks.Add(new TrackInfo(0, "piano"));
        sequence.Tracks.Add(new TrackInfo(1, "bass"));
        sequence.Tracks.Add(new TrackInfo(2, "drums"));
        sequence.AddNote(60, 90, 0, 480, channel: 0, program: 0, track: 0);
        sequence.AddNote(64, 90, 0, 480, channel: 0, program: 0, track: 0);
        sequence.AddNote(40, 90, 0, 960, channel: 1, program: 33, track: 1);
        sequence.AddNote(36, 90, 0, 100, channel: 9, program: 0, isDrum: true, track: 2);
        sequence.AddNote(72, 90, 480, 960, channel: 3, program: 0, track: 1); // a second piano on the bass track
        sequence.ControlChanges.Add(new ControlChange(0, 0, 1, 7, 100, Track: 1));
        sequence.ProgramChanges.Add(new ProgramChange(0, 0, 1, 33, Track: 1));
        return sequence;
    }

    [Fact]
    public void MergePutsEverythingOnOneTrack()
    {
        var merged = TrackOperations.Merge(Band());
        Assert.Equal(5, merged.Notes.Count);
        Assert.All(merged.Notes, n => Assert.Equal(0, n.Track));
        Assert.Equal(new[] { 0, 0, 1, 3, 9 }, merged.Notes.Select(n => n.Channel).Order().ToArray());
        Assert.Single(merged.Tracks);
        Assert.Equal(0, merged.ControlChanges.Single().Track);
    }

    [Fact]
    public void SplitByTrackKeepsEachTracksNotesAndEvents()
    {
        var parts = TrackOperations.SplitByTrack(Band());
        Assert.Equal(3, parts.Count);
        Assert.Equal(new[] { 2, 2, 1 }, parts.Select(p => p.Notes.Count));
        Assert.Equal("bass", parts[1].Tracks.Single().Name);
        Assert.Single(parts[1].ControlChanges);
        Assert.Empty(parts[0].ControlChanges);
    }

    [Fact]
    public void SplitByInstrumentGroupsProgramsAndDrums()
    {
        var parts = TrackOperations.SplitByInstrument(Band());
        Assert.Equal(new[] { (0, true, InstrumentFamily.Drums, 1), (0, false, InstrumentFamily.Piano, 3), (33, false, InstrumentFamily.Bass, 1) },
            parts.Select(p => (p.Program, p.IsDrum, p.Family, p.Sequence.Notes.Count)));
        Assert.Single(parts[2].Sequence.ProgramChanges);
        Assert.Empty(parts[0].Sequence.ProgramChanges);
    }

    [Fact]
    public void SplitByFamilyOnARealMultiVoiceTune()
    {
        // boys.abc: a melody voice and a drum voice (%%MIDI channel 10).
        var tune = AbcReader.ReadTunes("/usr/share/doc/abcmidi/examples/boys.abc").Single();
        var families = TrackOperations.SplitByFamily(tune.Sequence);
        Assert.Equal(new[] { InstrumentFamily.Drums, InstrumentFamily.Piano }, families.Keys);
        Assert.Equal(tune.Sequence.Notes.Count, families.Values.Sum(s => s.Notes.Count));
        Assert.All(families[InstrumentFamily.Drums].Notes, n => Assert.Equal(9, n.Channel));
        var tracks = TrackOperations.SplitByTrack(tune.Sequence);
        Assert.Equal(families[InstrumentFamily.Piano].Notes, tracks[0].Notes);
    }
}
