using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The corpus's keys as a model's metadata keeps them: read back exactly, pieces drawn alike, seeds started in their keys.</summary>
public class CorpusKeysTests
{
    private static readonly double[] Profile = [0.2, 0.01, 0.15, 0.01, 0.12, 0.1, 0.01, 0.18, 0.01, 0.12, 0.01, 0.08];

    // A piece in F major (B-flat, no B) and one in D major (F#, C#), as pitch-class counts.
    private static readonly double[] InF = [8, 0, 4, 0, 5, 12, 0, 6, 0, 7, 5, 0];
    private static readonly double[] InD = [0, 5, 9, 0, 6, 0, 7, 4, 0, 8, 0, 5];

    [Fact]
    public void Metadata_text_reads_back_and_seeds_take_each_piece_alike()
    {
        var keys = CorpusKeys.Parse(CorpusKeys.FormatProfile(Profile), CorpusKeys.FormatPieces([InF, InD, InF]));
        Assert.NotNull(keys);
        Assert.Equal(3, keys.PieceCount);
        Assert.Equal(1.0, keys.ProfileInC.ToArray().Sum(), 12);
        var counts = new int[12];
        Span<float> home = stackalloc float[12];
        for (ulong seed = 1; seed <= 3000; seed++) counts[keys.DrawHome(SeedQuantile.Of(seed), home)]++;
        Assert.Equal(3000, counts[5] + counts[2]);
        Assert.InRange(counts[5], 1990, 2010); // two pieces in three are in F
    }

    [Fact]
    public void Any_six_consecutive_seeds_take_keys_in_the_corpus_proportions()
    {
        // Two pieces in F to one in D: independent draws give six seeds all in F one time in eleven.
        var keys = CorpusKeys.Create(Profile, [InF, InD, InF])!;
        Span<float> home = stackalloc float[12];
        for (ulong first = 1; first <= 500; first++)
        {
            var inF = 0;
            for (var seed = first; seed < first + 6; seed++) if (keys.DrawHome(SeedQuantile.Of(seed), home) == 5) inF++;
            Assert.InRange(inF, 3, 5);
        }
    }

    [Fact]
    public void A_seed_starts_half_from_its_piece_and_half_from_the_profile_in_the_piece_key()
    {
        var keys = CorpusKeys.Create(Profile, [InD])!;
        Span<float> home = stackalloc float[12];
        Assert.Equal(2, keys.DrawHome(SeedQuantile.Of(1), home));
        Span<float> profileInD = stackalloc float[12];
        keys.ProfileIn(2, profileInD);
        var total = InD.Sum();
        var expected = new double[12];
        for (var pc = 0; pc < 12; pc++)
        {
            Assert.Equal(keys.ProfileInC[pc], profileInD[(pc + 2) % 12], 6);
            // D major: D E F# G A B C#; the rest keep a quarter of their share.
            var inScale = pc is 2 or 4 or 6 or 7 or 9 or 11 or 1;
            expected[pc] = (CorpusKeys.PieceShare * InD[pc] / total + (1 - CorpusKeys.PieceShare) * profileInD[pc]) * (inScale ? 1 : CorpusKeys.OutOfScaleWeight);
        }
        for (var pc = 0; pc < 12; pc++) Assert.Equal(expected[pc] / expected.Sum(), home[pc], 6);
        Assert.Equal(1.0, home.ToArray().Sum(), 5);
    }

    [Fact]
    public void Pieces_alone_give_their_mean_profile_in_C_and_a_seed_its_piece_as_it_is()
    {
        var keys = CorpusKeys.OfPieces([InF, InD])!;
        // Both pieces moved to C, averaged: F's A (index 9) and D's F♯ (6) are both the third degree, E (4) in C.
        var inF = InF.Select(v => v / InF.Sum()).ToArray();
        var inD = InD.Select(v => v / InD.Sum()).ToArray();
        Assert.Equal((inF[9] + inD[6]) / 2, keys.ProfileInC[4], 9);
        Span<float> piece = stackalloc float[12];
        var tonic = keys.PieceAt(0.9, piece); // the pieces ordered by key: D, then F
        Assert.Equal(5, tonic);
        for (var pc = 0; pc < 12; pc++) Assert.Equal(inF[pc], piece[pc], 6);
        Assert.Equal(2, keys.PieceAt(0.1, piece));
    }

    [Theory]
    [InlineData("1,2,3", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,x", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,-1", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,NaN", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1", "0,0,0,0,0,0,0,0,0,0,0,0")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1", "1,1,1,1,1,1,1,1,1,1,1,1;1,2")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1", null)]
    public void Unusable_metadata_is_no_keys(string profile, string? pieces) => Assert.Null(CorpusKeys.Parse(profile, pieces));
}
