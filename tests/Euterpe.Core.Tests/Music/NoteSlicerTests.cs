using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class NoteSlicerTests
{
    /// <summary>Two bars of 4/4, then 3/4 bars, at 120 bpm then 60 bpm from tick 1920 (bar 2).</summary>
    private static NoteSequence Sample()
    {
        var sequence = new NoteSequence(480, new TempoMap(480, [new TempoChange(1920, 1_000_000)]));
        sequence.TimeSignatures.Add(new TimeSignature(0, 4, 4));
        sequence.TimeSignatures.Add(new TimeSignature(3840, 3, 4));
        sequence.KeySignatures.Add(new KeySignature(0, 2, false));
        sequence.ProgramChanges.Add(new ProgramChange(0, 0, 0, 40));
        sequence.ControlChanges.Add(new ControlChange(100, 0.1, 0, 7, 90));
        sequence.ControlChanges.Add(new ControlChange(2000, 2.1, 0, 7, 60));
        for (var i = 0; i < 16; i++) sequence.AddNote(60 + i, 90, i * 480, i * 480 + 720); // quarters that overlap by an eighth
        return sequence;
    }

    [Fact]
    public void BarGridFollowsTimeSignatureChanges()
    {
        var sequence = Sample();
        Assert.Equal(new long[] { 0, 1920, 3840, 5280, 6720 }, Enumerable.Range(0, 5).Select(b => BarGrid.BarStartTick(sequence, b)));
        var none = new NoteSequence(96);
        Assert.Equal(384 * 3, BarGrid.BarStartTick(none, 3)); // 4/4 by default
    }

    [Fact]
    public void SliceBarsClipsShiftsAndCarriesState()
    {
        var slice = NoteSlicer.SliceBars(Sample(), 1, 2); // ticks 1920 … 5280 (a 4/4 bar and a 3/4 bar)
        var notes = slice.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)).ToArray();
        // Note 3 (1440…2160) is clipped to 0…240; notes 4…10 start inside; note 10 (4800…5520) is cut at 3360.
        Assert.Equal((63, 0L, 240L), notes[0]);
        Assert.Equal((64, 0L, 720L), notes[1]);
        Assert.Equal((70, 2880L, 3360L), notes[^1]);
        Assert.Equal(8, notes.Length);
        // 60 bpm from the start of the slice: one second per quarter.
        Assert.Equal(1.0, slice.Notes[1].EndSeconds - 0.5, 9);
        Assert.Equal(new[] { new TimeSignature(0, 4, 4), new TimeSignature(1920, 3, 4) }, slice.TimeSignatures);
        Assert.Equal(new KeySignature(0, 2, false), slice.KeySignatures.Single());
        Assert.Equal(40, slice.ProgramChanges.Single().Program);
        Assert.Equal(new[] { (0L, 90), (80L, 60) }, slice.ControlChanges.Select(c => (c.Tick, c.Value)));
        Assert.Equal(1_000_000, slice.TempoMap.MicrosecondsPerQuarterAt(0));
    }

    [Fact]
    public void SliceWithoutClippingKeepsOnlyNotesStartingInside()
    {
        var slice = NoteSlicer.SliceBars(Sample(), 1, 1, clipNotes: false);
        Assert.Equal(new[] { (64, 0L, 720L), (65, 480L, 1200L), (66, 960L, 1680L), (67, 1440L, 2160L) },
            slice.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
    }

    [Fact]
    public void SliceSecondsUsesWallClockTime()
    {
        // 0…2 s is the first 4/4 bar at 120 bpm (ticks 0…1920); 2…3 s is the next quarter at 60 bpm.
        var slice = NoteSlicer.SliceSeconds(Sample(), 2.0, 3.0);
        Assert.Equal(new[] { (63, 0L, 240L), (64, 0L, 480L) }, slice.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
        Assert.Equal(1.0, slice.TotalSeconds, 9);
    }
}
