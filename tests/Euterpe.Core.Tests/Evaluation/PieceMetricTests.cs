using Euterpe.Core.Evaluation;
using Euterpe.Core.Music;
using Euterpe.Core.Tests.Encoding;

namespace Euterpe.Core.Tests.Evaluation;

public class PieceMetricTests
{
    [Fact]
    public void PolyphonicRateCountsStepsWithTwoOrMorePitches()
    {
        Assert.Equal(0, PolyphonicRate.Compute(TestPieces.CMajorScale()));
        Assert.Equal(1, PolyphonicRate.Compute(TestPieces.Cadence()));
        Assert.Equal(1, PolyphonicRate.Compute(TestPieces.Cadence(), minPitches: 3));
        Assert.Equal(0, PolyphonicRate.Compute(TestPieces.Cadence(), minPitches: 4));

        var half = new NoteSequence();
        half.AddNote(60, 90, 0, 4 * 480);           // bar 1: one voice
        half.AddNote(60, 90, 4 * 480, 8 * 480);     // bar 2: a dyad
        half.AddNote(67, 90, 4 * 480, 8 * 480);
        half.AddNote(67, 90, 4 * 480, 8 * 480, track: 1); // the same pitch on another track is not a third pitch
        Assert.Equal(0.5, PolyphonicRate.Compute(half), 12);
        Assert.Equal(0, PolyphonicRate.Compute(half, minPitches: 3));
        Assert.True(double.IsNaN(PolyphonicRate.Compute(new NoteSequence())));
    }

    [Fact]
    public void PolyphonyIsMeanPitchesOverStepsWithSoundAndSkipsSilenceAndDrums()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 480, 960);              // beat 2: one pitch
        seq.AddNote(60, 90, 1440, 1920);            // beat 4: a triad (beat 3 silent, not counted)
        seq.AddNote(64, 90, 1440, 1920);
        seq.AddNote(67, 90, 1440, 1920);
        seq.AddNote(36, 90, 0, 1920, channel: 9, isDrum: true);
        Assert.Equal(2.0, PolyphonicRate.MeanPitches(seq), 12);
        Assert.True(double.IsNaN(PolyphonicRate.MeanPitches(new NoteSequence())));
    }

    [Fact]
    public void NotesPerInstrumentFamilyCountDrumsAndProgramGroups()
    {
        var seq = new NoteSequence();
        seq.AddNote(36, 90, 0, 240, channel: 9, isDrum: true);
        seq.AddNote(60, 90, 0, 240, program: 0);    // piano
        seq.AddNote(40, 90, 0, 240, program: 33);   // fingered bass
        seq.AddNote(41, 90, 240, 480, program: 33);
        var counts = InstrumentFamilyNotes.Count(seq);
        Assert.Equal(17, counts.Length);
        Assert.Equal(1, counts[(int)InstrumentFamily.Drums]);
        Assert.Equal(1, counts[(int)InstrumentFamily.Piano]);
        Assert.Equal(2, counts[(int)InstrumentFamily.Bass]);
        Assert.Equal("Drums 1, Piano 1, Bass 2", InstrumentFamilyNotes.Describe(counts));
        Assert.Equal(4, InstrumentFamilyNotes.Sum([counts, null, counts])[(int)InstrumentFamily.Bass]);
    }

    [Fact]
    public void PolyphonicRateCountsLeadingSilenceAsSteps()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 480, 960);
        seq.AddNote(64, 90, 480, 960);
        Assert.Equal(0.5, PolyphonicRate.Compute(seq), 12);
    }

    [Fact]
    public void NoteDensityIsNotesPerSecondAndIgnoresTransposition()
    {
        Assert.Equal(2.0, NoteDensity.NotesPerSecond(TestPieces.CMajorScale()), 12);
        Assert.Equal(2.0, NoteDensity.NotesPerSecond(TestPieces.CMajorScale(transpose: 7)), 12);
        Assert.Equal(12 / 8.0, NoteDensity.NotesPerSecond(TestPieces.Cadence()), 12);
        var withDrums = TestPieces.CMajorScale();
        withDrums.AddNote(36, 100, 0, 60, isDrum: true);
        Assert.Equal(2.0, NoteDensity.NotesPerSecond(withDrums), 12);
        Assert.True(double.IsNaN(NoteDensity.NotesPerSecond(new NoteSequence())));
    }

    [Fact]
    public void QualifiedNotesAreAtLeastAThirtySecond()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 0, 60);    // exactly a 32nd at 480 ticks per quarter
        seq.AddNote(62, 90, 60, 119);  // one tick short
        seq.AddNote(64, 90, 120, 600);
        seq.AddNote(65, 90, 600, 610);
        Assert.Equal(0.5, QualifiedNoteRate.Compute(seq), 12);
        Assert.Equal(1, QualifiedNoteRate.Compute(TestPieces.CMajorScale()));
        Assert.True(double.IsNaN(QualifiedNoteRate.Compute(new NoteSequence())));
    }

    [Fact]
    public void ScaleUsesFourPitchClassesInEachOfItsTwoBars()
    {
        var scale = TestPieces.CMajorScale();
        Assert.Equal([4, 4], BarMetrics.PitchClassesPerBar(scale));
        Assert.Equal(0, BarMetrics.EmptyBarRate(scale));
        Assert.Equal(4, BarMetrics.MeanUsedPitchClasses(scale));
        Assert.Equal([3, 3, 3, 3], BarMetrics.PitchClassesPerBar(TestPieces.Cadence()));
    }

    [Fact]
    public void EmptyBarsAndHeldNotes()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 0, 480);
        seq.AddNote(62, 90, 3 * 1920 + 960, 4 * 1920 + 480); // held from bar 4 into bar 5
        Assert.Equal([1, 0, 0, 1, 1], BarMetrics.PitchClassesPerBar(seq));
        Assert.Equal(0.4, BarMetrics.EmptyBarRate(seq), 12);
        Assert.Equal(1, BarMetrics.MeanUsedPitchClasses(seq));
    }

    [Fact]
    public void TimeSignaturesDecideBarLines()
    {
        var scale = TestPieces.CMajorScale();
        scale.TimeSignatures.Add(new TimeSignature(0, 3, 4));
        Assert.Equal([3, 3, 2], BarMetrics.PitchClassesPerBar(scale)); // C D E | F G A | B C
        scale.TimeSignatures.Add(new TimeSignature(4 * 480, 2, 4));     // a change in the middle of bar 2 starts a new bar
        var bars = BarGrid.Bars(scale);
        Assert.Equal([(0L, 1440L), (1440L, 1920L), (1920L, 2880L), (2880L, 3840L)], bars);
    }

    [Fact]
    public void PitchClassHistogramsAndDistances()
    {
        var scale = TestPieces.CMajorScale();
        Assert.Equal(7, PitchClassHistogram.UsedPitchClasses(scale));
        var h = PitchClassHistogram.Compute(scale);
        Assert.Equal(0.25, h[0], 12);
        Assert.Equal(1.0, h.Sum(), 12);
        Assert.Equal(0, PitchClassHistogram.L1Distance(h, h));
        Assert.Equal(0, PitchClassHistogram.KlDivergence(h, h), 12);

        var blackKeys = new NoteSequence();
        foreach (var (p, i) in new[] { 61, 63, 66, 68, 70 }.Select((p, i) => (p, i))) blackKeys.AddNote(p, 90, i * 480, (i + 1) * 480);
        var k = PitchClassHistogram.Compute(blackKeys);
        Assert.Equal(5, PitchClassHistogram.UsedPitchClasses(blackKeys));
        Assert.Equal(2, PitchClassHistogram.L1Distance(h, k), 12);
        Assert.True(PitchClassHistogram.KlDivergence(h, k) > 5);

        // KL by hand: p = (1/2, 1/2), q = (1/4, 3/4) → 1/2 ln 2 + 1/2 ln(2/3).
        Assert.Equal(0.5 * Math.Log(2) + 0.5 * Math.Log(2.0 / 3), PitchClassHistogram.KlDivergence([0.5, 0.5], [0.25, 0.75], epsilon: 0), 12);

        // Duration weighting: a whole-note C against a quarter-note G.
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 0, 1920);
        seq.AddNote(67, 90, 1920, 2400);
        Assert.Equal(0.8, PitchClassHistogram.Compute(seq, durationWeighted: true)[0], 12);
        Assert.Equal(0.5, PitchClassHistogram.Compute(seq)[0], 12);
    }
}
