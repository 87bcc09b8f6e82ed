using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The key a generator holds its output to follows the notes: named once enough are heard, moving as they move.</summary>
public class KeyTrackerTests
{
    private static readonly int[] GMajor = [67, 69, 71, 72, 74, 76, 78];
    private static readonly int[] EFlatMajor = [63, 65, 67, 68, 70, 72, 74];

    [Fact]
    public void No_key_is_named_before_four_onsets_then_the_scale_they_fit()
    {
        var tracker = new KeyTracker();
        for (var i = 0; i < 3; i++)
        {
            tracker.Onset(GMajor[i], i * 0.25);
            Assert.Equal(-1, tracker.Root);
            Assert.True(tracker.InKey(61)); // no key yet: nothing is out of it
        }
        for (var i = 3; i < GMajor.Length; i++) tracker.Onset(GMajor[i], i * 0.25);
        Assert.Equal(7, tracker.Root);
        Assert.True(tracker.InKey(66));   // F#
        Assert.False(tracker.InKey(65));  // F natural
    }

    [Fact]
    public void A_new_key_takes_over_as_the_old_one_fades()
    {
        var tracker = new KeyTracker();
        for (var i = 0; i < 28; i++) tracker.Onset(GMajor[i % 7], i * 0.25);
        Assert.Equal(7, tracker.Root);
        // Seven notes of E-flat major right after 28 of G major do not move it; the same 16 s later do.
        for (var i = 0; i < 7; i++) tracker.Onset(EFlatMajor[i], 7 + i * 0.25);
        Assert.Equal(7, tracker.Root);
        for (var i = 0; i < 7; i++) tracker.Onset(EFlatMajor[i], 30 + i * 0.25);
        Assert.Equal(3, tracker.Root);
        tracker.Reset();
        Assert.Equal(-1, tracker.Root);
    }

    [Fact]
    public void The_best_major_tonic_counts_the_seven_pitch_classes_and_ties_go_low()
    {
        Span<double> w = stackalloc double[12];
        foreach (var p in EFlatMajor) w[p % 12] += 1;
        Assert.Equal(3, MusicalScale.BestMajorTonic(w));
        w.Clear();
        w[0] = 1; // C alone fits C, F, G, … major equally: the lowest tonic wins
        Assert.Equal(0, MusicalScale.BestMajorTonic(w));
    }
}
