using Euterpe.Core.Encoding;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Encoding;

public class ConditioningFeaturesTests
{
    [Fact]
    public void CMajorScaleHasSevenEqualishPitchClasses()
    {
        var f = ConditioningFeatures.Compute(TestPieces.CMajorScale());
        var h = f.PitchClassHistogram.ToArray();
        Assert.Equal(7, h.Count(v => v > 0));
        Assert.Equal(2f / 8, h[0], 6);      // C4 and C5
        Assert.Equal(1f / 8, h[2], 6);
        Assert.Equal(0f, h[1]);
        Assert.Equal(1f, h.Sum(), 5);
        Assert.Equal(2f, f.NotesPerSecond, 5);     // 8 notes in 4 s
        Assert.Equal((60 + 62 + 64 + 65 + 67 + 69 + 71 + 72) / 8f, f.MeanPitch, 4);
    }

    [Fact]
    public void DurationWeightingFollowsHowLongPitchesSound()
    {
        var seq = new NoteSequence();
        seq.AddNoteSeconds(60, 90, 0, 3);   // C for 3 s
        seq.AddNoteSeconds(67, 90, 3, 4);   // G for 1 s
        var counted = ConditioningFeatures.Compute(seq);
        var weighted = ConditioningFeatures.Compute(seq, durationWeighted: true);
        Assert.Equal(0.5f, counted.PitchClassHistogram[0], 6);
        Assert.Equal(0.75f, weighted.PitchClassHistogram[0], 6);
        Assert.Equal(0.25f, weighted.PitchClassHistogram[7], 6);
        Assert.Equal(63.5f, counted.MeanPitch, 4);
        Assert.Equal(61.75f, weighted.MeanPitch, 4);
    }

    [Fact]
    public void WindowsCountOnlyTheirOwnNotes()
    {
        var scale = TestPieces.CMajorScale(); // a note every 0.5 s
        var second = ConditioningFeatures.Compute(scale, 1.0, 2.0);
        Assert.Equal(2f, second.NotesPerSecond, 5); // E and F
        Assert.Equal(64.5f, second.MeanPitch, 4);
        Assert.Equal(0.5f, second.PitchClassHistogram[4], 6);
        var weighted = ConditioningFeatures.Compute(scale, 0.25, 0.75, durationWeighted: true);
        Assert.Equal(0.5f, weighted.PitchClassHistogram[0], 6); // half C, half D
        Assert.Equal(61f, weighted.MeanPitch, 4);
        var empty = ConditioningFeatures.Compute(scale, 10, 12);
        Assert.Equal(0f, empty.NotesPerSecond);
        Assert.Equal(0f, empty.MeanPitch);
        Assert.All(empty.PitchClassHistogram.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void VectorLayoutAndNormalisation()
    {
        var f = ConditioningFeatures.FromValues([2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0], 30, 63.5f);
        var raw = f.ToArray();
        Assert.Equal(ConditioningFeatures.Length, raw.Length);
        Assert.Equal([0.5f, 0, 0.5f], raw[..3]);
        Assert.Equal(30f, raw[12]);
        var normalised = new float[ConditioningFeatures.Length];
        f.CopyNormalisedTo(normalised);
        Assert.Equal(1f, normalised[12]);
        Assert.Equal(0.5f, normalised[13], 6);
    }

    [Fact]
    public void DrumsAreIgnoredAndTranspositionRotatesTheHistogram()
    {
        var scale = TestPieces.CMajorScale();
        var transposed = TestPieces.CMajorScale(transpose: 2);
        transposed.AddNote(36, 100, 0, 100, isDrum: true);
        var a = ConditioningFeatures.Compute(scale).PitchClassHistogram.ToArray();
        var b = ConditioningFeatures.Compute(transposed).PitchClassHistogram.ToArray();
        for (var pc = 0; pc < 12; pc++) Assert.Equal(a[pc], b[(pc + 2) % 12], 6);
        Assert.Equal(ConditioningFeatures.Compute(scale).NotesPerSecond, ConditioningFeatures.Compute(transposed).NotesPerSecond, 5);
    }
}
