using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The corpus's keys as a model's metadata keeps them: read back exactly, drawn at the corpus's rates, moved by tonic.</summary>
public class CorpusKeysTests
{
    private static readonly double[] Profile = [0.2, 0.01, 0.15, 0.01, 0.12, 0.1, 0.01, 0.18, 0.01, 0.12, 0.01, 0.08];
    private static readonly double[] Tonics = [7, 0, 3, 0, 0, 8, 0, 3, 0, 0, 6, 0];

    [Fact]
    public void Metadata_text_reads_back_and_draws_follow_the_tonic_shares()
    {
        var keys = CorpusKeys.Parse(CorpusKeys.Format(Profile), CorpusKeys.Format(Tonics));
        Assert.NotNull(keys);
        Assert.Equal(1.0, keys.ProfileInC.ToArray().Sum(), 12);
        var random = new RandomSource(11);
        var counts = new int[12];
        for (var i = 0; i < 27_000; i++) counts[keys.Draw(random)]++;
        for (var tonic = 0; tonic < 12; tonic++)
        {
            if (Tonics[tonic] == 0) Assert.Equal(0, counts[tonic]);
            else Assert.InRange(counts[tonic], Tonics[tonic] * 1000 * 0.9, Tonics[tonic] * 1000 * 1.1); // 27 pieces' worth
        }
    }

    [Fact]
    public void The_profile_moves_up_to_the_tonic()
    {
        var keys = CorpusKeys.Create(Profile, Tonics)!;
        Span<float> inF = stackalloc float[12];
        keys.ProfileIn(5, inF);
        for (var pc = 0; pc < 12; pc++) Assert.Equal(keys.ProfileInC[pc], inF[(pc + 5) % 12], 6);
    }

    [Theory]
    [InlineData("1,2,3", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,x", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,-1", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1", "0,0,0,0,0,0,0,0,0,0,0,0")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,NaN", "1,1,1,1,1,1,1,1,1,1,1,1")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1", null)]
    public void Unusable_metadata_is_no_keys(string profile, string? tonics) => Assert.Null(CorpusKeys.Parse(profile, tonics));
}
