using Euterpe.Core.Evaluation;
using Euterpe.Core.Music;
using Euterpe.Core.Tests.Encoding;

namespace Euterpe.Core.Tests.Evaluation;

/// <summary>The quality metrics of the literature on hand-made pieces whose answers are known.</summary>
public class LiteratureMetricTests
{
    private const int Tpq = TestPieces.Tpq;

    [Fact]
    public void NoteDurationsGiveMedianPercentileAndLongShare()
    {
        var seq = new NoteSequence(); // 120 bpm: a quarter is 0.5 s
        long[] quarters = [1, 1, 2, 4, 8]; // 0.5, 0.5, 1, 2, 4 s
        long t = 0;
        foreach (var q in quarters) { seq.AddNote(60, 80, t, t + q * Tpq); t += q * Tpq; }
        seq.AddNote(36, 80, 0, 100 * Tpq, isDrum: true); // drums do not count
        Assert.Equal(1.0, NoteDurations.Median(seq), 12);
        Assert.Equal(2 + 0.6 * (4 - 2), NoteDurations.Percentile90(seq), 12); // position 0.9 · 4 = 3.6 between 2 s and 4 s
        Assert.Equal(0.2, NoteDurations.LongShare(seq), 12);
        Assert.True(double.IsNaN(NoteDurations.Median(new NoteSequence())));
    }

    [Fact]
    public void SoundingNotesCountsDistinctPitchesWhereAnySound()
    {
        Assert.Equal(3, SoundingNotes.MeanWhileSounding(TestPieces.Cadence()), 12);
        Assert.Equal(1, SoundingNotes.MeanWhileSounding(TestPieces.CMajorScale()), 12);

        var seq = new NoteSequence();
        seq.AddNote(60, 80, 0, 2 * Tpq);             // 0–1 s
        seq.AddNote(60, 80, 0, 2 * Tpq, track: 1);   // a unison is one pitch
        seq.AddNote(64, 80, Tpq, 2 * Tpq);           // 0.5–1 s: two pitches for half the time
        seq.AddNote(67, 80, 4 * Tpq, 6 * Tpq);       // 2–3 s alone, after a second of silence that does not count
        Assert.Equal((10 + 10 * 2 + 20) / 40.0, SoundingNotes.MeanWhileSounding(seq), 12);
        Assert.True(double.IsNaN(SoundingNotes.MeanWhileSounding(new NoteSequence())));
    }

    [Fact]
    public void ScaleFitIsOneForAScaleAndLowForChromaticLines()
    {
        Assert.Equal(1, ScaleFit.Compute(TestPieces.CMajorScale()));
        Assert.Equal(1, ScaleFit.Compute(TestPieces.CMajorScale(transpose: 3)));
        var minor = new NoteSequence();
        foreach (var (p, i) in new[] { 57, 59, 60, 62, 64, 65, 67 }.Select((p, i) => (p, i))) minor.AddNote(p, 80, i * Tpq, (i + 1) * Tpq);
        Assert.Equal(1, ScaleFit.Compute(minor));

        var chromatic = new NoteSequence();
        for (var i = 0; i < 12; i++) chromatic.AddNote(60 + i, 80, i * Tpq, (i + 1) * Tpq);
        Assert.Equal(7 / 12.0, ScaleFit.Compute(chromatic), 12);
        Assert.True(double.IsNaN(ScaleFit.Compute(new NoteSequence())));
    }

    [Fact]
    public void InterOnsetIntervalsCollapseChordsAndMeasureRegularity()
    {
        Assert.Equal(0.5, InterOnsetIntervals.Median(TestPieces.CMajorScale()), 12);
        Assert.Equal(0, InterOnsetIntervals.CoefficientOfVariation(TestPieces.CMajorScale()), 12);
        // Whole-note chords: three onsets a bar apart (2 s at 120 bpm), each chord one onset.
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, InterOnsetIntervals.Seconds(TestPieces.Cadence()));

        var swing = new NoteSequence();
        long[] onsets = [0, Tpq, 3 * Tpq, 4 * Tpq]; // gaps 0.5, 1, 0.5 s
        foreach (var o in onsets) swing.AddNote(60, 80, o, o + Tpq / 2);
        var mean = 2.0 / 3;
        var std = Math.Sqrt((2 * Math.Pow(0.5 - mean, 2) + Math.Pow(1 - mean, 2)) / 3);
        Assert.Equal(0.5, InterOnsetIntervals.Median(swing), 12);
        Assert.Equal(std / mean, InterOnsetIntervals.CoefficientOfVariation(swing), 12);
        var single = new NoteSequence();
        single.AddNote(60, 80, 0, Tpq);
        Assert.True(double.IsNaN(InterOnsetIntervals.Median(single)));
    }

    [Fact]
    public void VelocitySpreadIsThePopulationStandardDeviation()
    {
        Assert.Equal(0, VelocitySpread.StandardDeviation(TestPieces.CMajorScale()));
        var seq = new NoteSequence();
        seq.AddNote(60, 60, 0, Tpq);
        seq.AddNote(62, 100, Tpq, 2 * Tpq);
        seq.AddNote(36, 127, 0, Tpq, isDrum: true);
        Assert.Equal(20, VelocitySpread.StandardDeviation(seq), 12);
    }

    [Fact]
    public void ARepeatedFourBarPhraseIsFoundAndRandomMusicIsNot()
    {
        var phrase = TestPieces.RandomMelody(3, 28, [1, 2, 3]);
        var phraseEnd = 4L * 4 * Tpq;
        var twice = new NoteSequence();
        foreach (var n in phrase.Notes.Where(n => n.EndTick <= phraseEnd))
            for (var repeat = 0; repeat < 2; repeat++)
                twice.AddNote(n.Pitch, n.Velocity, n.StartTick + repeat * phraseEnd, n.EndTick + repeat * phraseEnd);
        // Eight bars make windows at bars 0…4; the windows at 0 and 4 hold the same phrase, the others straddle it.
        Assert.Equal(2 / 5.0, PhraseRepetition.RepeatedWindowRate(twice), 12);

        // A one-bar loop repeats in every window, even with onsets a little off the 16th grid.
        var loop = new NoteSequence();
        for (var bar = 0; bar < 6; bar++)
            foreach (var beat in new[] { 0, 1, 2, 3 })
                loop.AddNote(60 + 2 * beat, 80, bar * 4L * Tpq + beat * Tpq + (bar % 2 == 0 ? 10 : 50), bar * 4L * Tpq + (beat + 1) * Tpq);
        Assert.Equal(1, PhraseRepetition.RepeatedWindowRate(loop), 12);

        Assert.Equal(0, PhraseRepetition.RepeatedWindowRate(TestPieces.RandomMelody(5, 200, [1, 2, 4])));
        Assert.True(double.IsNaN(PhraseRepetition.RepeatedWindowRate(Shorter(TestPieces.Cadence()))));
    }

    [Fact]
    public void BarChromaSimilarityIsOneForOneHarmonyAndZeroForDisjointBars()
    {
        var same = new NoteSequence();
        for (var bar = 0; bar < 4; bar++)
            foreach (var p in new[] { 60, 64, 67 }) same.AddNote(p + 12 * (bar % 2), 80, bar * 4L * Tpq, (bar + 1) * 4L * Tpq);
        Assert.Equal(1, BarChromaSimilarity.Mean(same), 12);

        var disjoint = new NoteSequence();
        disjoint.AddNote(60, 80, 0, 4 * Tpq);                  // bar 1: C
        disjoint.AddNote(66, 80, 8 * Tpq, 12 * Tpq);           // bar 3: F♯ (bar 2 is empty and left out)
        Assert.Equal(0, BarChromaSimilarity.Mean(disjoint), 12);

        // I–IV–V–I: pairs (I,IV) (I,V) (I,I) (IV,V) (IV,I) (V,I) have 1, 1, 3, 0, 1, 1 common pitch classes of 3.
        Assert.Equal((1 + 1 + 3 + 0 + 1 + 1) / 3.0 / 6, BarChromaSimilarity.Mean(TestPieces.Cadence()), 12);
    }

    [Fact]
    public void TheSharedRunIsCountedInNotesAndIgnoresTransposition()
    {
        var reference = TestPieces.RandomMelody(11, 60, [1, 2]);
        var copy = new NoteSequence();
        foreach (var n in reference.Notes.Skip(10).Take(20)) copy.AddNote(n.Pitch + 5, n.Velocity, n.StartTick, n.EndTick);
        var report = EvaluationReport.Compute([("copy", copy)], [("other", TestPieces.CMajorScale()), ("song", reference)]);
        Assert.Equal(20, report.Generated[0].SharedRunNotes);
        Assert.Equal("song", report.Generated[0].SharedRunReference);
        Assert.Equal(20, report.GeneratedSummary.LongestSharedRunNotes);
        Assert.Null(report.Reference[1].SharedRunNotes);
    }

    // The first three bars of a piece: too short for a 4-bar window.
    private static NoteSequence Shorter(NoteSequence piece) => NoteSlicer.SliceBars(piece, 0, 3);
}
