using System.Globalization;

namespace Euterpe.Core.Generation;

/// <summary>
/// The keys of a training corpus, as a model's metadata keeps them: its pitch-class profile with every piece moved to
/// C by its best-fitting major scale (12 weights summing to 1), and the share of pieces on each tonic. A generator draws
/// a key per seed from the shares and plays towards the profile moved there, so its seeds spread over the keys the
/// corpus is in instead of all sitting on the corpus's mean (a blend of keys that is no key).
/// </summary>
public sealed class CorpusKeys
{
    private readonly double[] _profile;
    private readonly double[] _cumulative;

    private CorpusKeys(double[] profile, double[] tonicShares)
    {
        _profile = profile;
        _cumulative = new double[12];
        var sum = 0.0;
        for (var i = 0; i < 12; i++) _cumulative[i] = sum += tonicShares[i];
    }

    /// <summary>From a profile in C and the weight of each tonic (neither need sum to 1); null if either is unusable.</summary>
    public static CorpusKeys? Create(ReadOnlySpan<double> profileInC, ReadOnlySpan<double> tonicWeights)
    {
        if (profileInC.Length != 12 || tonicWeights.Length != 12) return null;
        var profileSum = 0.0;
        var tonicSum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            if (!(profileInC[i] >= 0) || !(tonicWeights[i] >= 0) || double.IsInfinity(profileInC[i]) || double.IsInfinity(tonicWeights[i])) return null;
            profileSum += profileInC[i];
            tonicSum += tonicWeights[i];
        }
        if (!(profileSum > 0) || !(tonicSum > 0)) return null;
        var profile = new double[12];
        var shares = new double[12];
        for (var i = 0; i < 12; i++)
        {
            profile[i] = profileInC[i] / profileSum;
            shares[i] = tonicWeights[i] / tonicSum;
        }
        return new CorpusKeys(profile, shares);
    }

    /// <summary>Reads two metadata values of 12 comma-separated numbers each; null when either is absent or unusable.</summary>
    public static CorpusKeys? Parse(string? profileInC, string? tonicWeights)
    {
        if (profileInC is null || tonicWeights is null) return null;
        var profile = ParseTwelve(profileInC);
        var tonics = ParseTwelve(tonicWeights);
        return profile is null || tonics is null ? null : Create(profile, tonics);
    }

    /// <summary>The profile in C, summing to 1.</summary>
    public ReadOnlySpan<double> ProfileInC => _profile;

    /// <summary>A tonic (0 = C … 11 = B), drawn by the corpus's shares.</summary>
    public int Draw(RandomSource random)
    {
        var u = random.NextDouble() * _cumulative[11];
        for (var tonic = 0; tonic < 11; tonic++)
            if (u < _cumulative[tonic]) return tonic;
        return 11;
    }

    /// <summary>Writes the profile moved up to <paramref name="tonic"/> (12 values summing to 1).</summary>
    public void ProfileIn(int tonic, Span<float> destination)
    {
        if (destination.Length < 12) throw new ArgumentException("12 values are needed", nameof(destination));
        for (var pc = 0; pc < 12; pc++) destination[pc] = (float)_profile[((pc - tonic) % 12 + 12) % 12];
    }

    /// <summary>12 numbers as metadata keeps them (invariant culture, round-trip).</summary>
    public static string Format(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) parts[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
        return string.Join(",", parts);
    }

    private static double[]? ParseTwelve(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 12) return null;
        var values = new double[12];
        for (var i = 0; i < 12; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        return values;
    }
}
