using Euterpe.Core.Evaluation;
using Euterpe.Core.Tests.Encoding;
using FsCheck;
using FsCheck.Fluent;

namespace Euterpe.Core.Tests.Evaluation;

public class SequenceComparisonTests
{
    [Fact]
    public void PieceComparedWithItselfHasBleuOne()
    {
        var pitches = PitchSequence.Of(TestPieces.RandomPolyphonic(5, 100));
        Assert.Equal(1.0, Bleu.Compute([pitches], [pitches]), 12);
        var others = Enumerable.Range(10, 5).Select(s => PitchSequence.Of(TestPieces.RandomPolyphonic(s, 100))).ToList();
        Assert.Equal(1.0, Bleu.Compute([pitches], [.. others, pitches]), 12);
        Assert.True(Bleu.Compute([pitches], others) < 0.5);
    }

    [Fact]
    public void BleuByHand()
    {
        // Precisions 3/4, 2/3, 1/2 for orders 1..3; equal lengths so no brevity penalty.
        Assert.Equal(Math.Pow(0.75 * 2 / 3 * 0.5, 1.0 / 3), Bleu.Compute([[60, 62, 64, 65]], [[60, 62, 64, 67]], maxOrder: 3), 12);
        // No 4-gram in common: 0 without smoothing.
        Assert.Equal(0, Bleu.Compute([[60, 62, 64, 65]], [[60, 62, 64, 67]]));
        // Clipping: four Cs against a reference with one C.
        Assert.Equal(0.25, Bleu.Compute([[60, 60, 60, 60]], [[60, 62]], maxOrder: 1), 12);
        // Brevity: a candidate of 2 against a reference of 4 → exp(1 - 4/2).
        Assert.Equal(Math.Exp(-1), Bleu.Compute([[60, 62]], [[60, 62, 64, 65]], maxOrder: 2), 12);
        // Closest reference length is used: the reference of 3 beats the one of 8.
        Assert.Equal(Math.Exp(1 - 3.0 / 2), Bleu.Compute([[60, 62]], [[60, 62, 64], [1, 2, 3, 4, 5, 6, 7, 8]], maxOrder: 1), 12);
    }

    [Fact]
    public void CorpusBleuPoolsCountsAcrossCandidates()
    {
        // Candidate A matches 2/2 unigrams, B 1/2; pooled precision is 3/4, not the mean of per-piece scores.
        int[][] references = [[60, 62], [64, 65, 67]];
        int[][] candidates = [[60, 62], [64, 70]];
        var prepared = new BleuReferences(references, maxOrder: 1);
        Assert.Equal(0.75, prepared.Score(candidates), 12);
        Assert.Equal(Bleu.Compute(candidates, references, maxOrder: 1), prepared.Score(candidates));
        Assert.Equal(1.0, prepared.Score([candidates[0]]), 12);
        Assert.True(double.IsNaN(new BleuReferences([]).Score(candidates)));
    }

    [Fact]
    public void LcsOfTheTextbookExample()
    {
        // CLRS: LCS(ABCBDAB, BDCABA) = 4 (BCBA); longest common substring is 2 (e.g. AB).
        int[] a = [.. "ABCBDAB".Select(c => (int)c)];
        int[] b = [.. "BDCABA".Select(c => (int)c)];
        Assert.Equal((4, 2), LongestCommonOverlap.Lengths(a, b));
        Assert.Equal((4, 2), LongestCommonOverlap.Lengths(b, a));
        Assert.Equal((0, 0), LongestCommonOverlap.Lengths(a, []));
    }

    [Fact]
    public void FastAlgorithmsAgreeWithTheTable()
    {
        // Small alphabets make long common runs likely; lengths cross several 64-bit words.
        var gen = from seed in Gen.Choose(0, int.MaxValue)
                  from n in Gen.Choose(0, 300)
                  from m in Gen.Choose(0, 300)
                  from alphabet in Gen.Choose(1, 6)
                  select (seed, n, m, alphabet);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var random = new Random(p.seed);
            var a = Enumerable.Range(0, p.n).Select(_ => random.Next(p.alphabet) - 2).ToArray();
            var b = Enumerable.Range(0, p.m).Select(_ => random.Next(p.alphabet) - 2).ToArray();
            var (sub, run) = LongestCommonOverlap.Lengths(a, b);
            return new BitParallelLcs(a).Length(b) == sub && new SuffixAutomaton(b).LongestCommonSubstring(a) == run;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void OverlapCorpusMatchesTheTableOnRandomPieces()
    {
        var corpus = Enumerable.Range(0, 4).Select(s => PitchSequence.Of(TestPieces.RandomPolyphonic(200 + s, 150))).ToList();
        var generated = PitchSequence.Of(TestPieces.RandomPolyphonic(300, 130));
        var o = new OverlapCorpus(corpus).Measure(generated);
        var table = corpus.Select(c => LongestCommonOverlap.Lengths(generated, c)).ToList();
        Assert.Equal(table.Max(t => t.Subsequence) / (double)generated.Length, o.SubsequenceFraction, 12);
        Assert.Equal(table.Max(t => t.Substring) / (double)generated.Length, o.SubstringFraction, 12);
    }

    [Fact]
    public void PieceAgainstItselfOverlapsFully()
    {
        var pitches = PitchSequence.Of(TestPieces.RandomPolyphonic(1, 150));
        var o = LongestCommonOverlap.Against(pitches, [pitches]);
        Assert.Equal(1, o.SubsequenceFraction);
        Assert.Equal(1, o.SubstringFraction);
    }

    [Fact]
    public void TransposedCopyOverlapsOnlyOnIntervals()
    {
        var scale = PitchSequence.Of(TestPieces.CMajorScale());
        var transposed = PitchSequence.Of(TestPieces.CMajorScale(transpose: 13));
        var onPitches = LongestCommonOverlap.Against(transposed, [scale]);
        Assert.Equal(0, onPitches.SubsequenceFraction);
        Assert.Equal(0, onPitches.SubstringFraction);
        var onIntervals = LongestCommonOverlap.Against(transposed, [scale], useIntervals: true);
        Assert.Equal(1, onIntervals.SubstringFraction);
    }

    [Fact]
    public void CopiedPassageIsFoundInTheRightCorpusPiece()
    {
        var corpus = Enumerable.Range(0, 6).Select(s => PitchSequence.Of(TestPieces.RandomPolyphonic(100 + s, 120))).ToList();
        var copied = corpus[3][40..80];
        var o = LongestCommonOverlap.Against(copied, corpus);
        Assert.Equal(1, o.SubstringFraction);
        Assert.Equal(3, o.SubstringCorpusIndex);
        var fresh = PitchSequence.Of(TestPieces.RandomPolyphonic(999, 40));
        var f = LongestCommonOverlap.Against(fresh, corpus);
        Assert.True(f.SubstringFraction < 0.2, $"random piece overlaps {f.SubstringFraction}");
        Assert.True(f.SubsequenceFraction < 1);
    }

    [Fact]
    public void ChordsReadBottomUp()
    {
        Assert.Equal([60, 64, 67, 65, 69, 72, 67, 71, 74, 60, 64, 67], PitchSequence.Of(TestPieces.Cadence()));
        Assert.Equal([4, 3, -2], PitchSequence.Intervals([60, 64, 67, 65]));
    }
}
