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
    public void Metadata_text_reads_back_and_draws_take_each_piece_alike()
    {
        var keys = CorpusKeys.Parse(CorpusKeys.FormatProfile(Profile), CorpusKeys.FormatPieces([InF, InD, InF]));
        Assert.NotNull(keys);
        Assert.Equal(3, keys.PieceCount);
        Assert.Equal(1.0, keys.ProfileInC.ToArray().Sum(), 12);
        var random = new RandomSource(11);
        var counts = new int[12];
        Span<float> home = stackalloc float[12];
        for (var i = 0; i < 3000; i++) counts[keys.DrawHome(random, home)]++;
        Assert.Equal(3000, counts[5] + counts[2]);
        Assert.InRange(counts[5], 1800, 2200); // two pieces in three are in F
    }

    [Fact]
    public void A_seed_starts_half_from_its_piece_and_half_from_the_profile_in_the_piece_key()
    {
        var keys = CorpusKeys.Create(Profile, [InD])!;
        Span<float> home = stackalloc float[12];
        Assert.Equal(2, keys.DrawHome(new RandomSource(1), home));
        Span<float> profileInD = stackalloc float[12];
        keys.ProfileIn(2, profileInD);
        var total = InD.Sum();
        for (var pc = 0; pc < 12; pc++)
        {
            Assert.Equal(keys.ProfileInC[pc], profileInD[(pc + 2) % 12], 6);
            Assert.Equal(CorpusKeys.PieceShare * InD[pc] / total + (1 - CorpusKeys.PieceShare) * profileInD[pc], home[pc], 6);
        }
        Assert.Equal(1.0, home.ToArray().Sum(), 5);
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
