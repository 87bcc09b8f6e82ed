using System.Globalization;

namespace Euterpe.Core.Generation;

/// <summary>
/// The keys of a training corpus, as a model's metadata keeps them: the pitch-class histogram of each training piece
/// (12 weights summing to 1, C first) and the corpus's profile with every piece moved to C by its best-fitting major
/// scale. A generator starts each seed from a piece chosen by the seed's quantile (<see cref="DrawHome"/>) among the
/// pieces ordered by key, so its seeds spread over the keys the corpus is in, as often as the corpus is in them, even
/// over a few seeds, instead of all sitting on the corpus's mean histogram (a blend of keys that is no key).
/// </summary>
public sealed class CorpusKeys
{
    /// <summary>
    /// The share of the drawn piece's own histogram in a seed's start; the rest is the corpus's profile in that piece's
    /// key. All piece and the event RNN replays that piece's riffs (a 14-note run shared with one song over 10 seeds of
    /// the OpenMSX preset); all profile and it hears a blur of the key and its subdominant and drifts to the latter.
    /// </summary>
    public const float PieceShare = 0.5f;

    /// <summary>
    /// What a pitch class outside the piece's major scale keeps of its share (then the histogram sums to 1 again). At
    /// full weight the OpenMSX event RNN heard the key's neighbours in the mix and played most seeds a fifth off the
    /// piece's key (8 of 10 seeds × 60 s); at 0.25, 9 of 10 played in it.
    /// </summary>
    public const double OutOfScaleWeight = 0.25;

    /// <summary>Most pieces a model's metadata keeps (more are thinned evenly), so the metadata stays small.</summary>
    public const int MaxPieces = 512;

    private readonly double[] _profile;
    // The pieces ordered by their best-fitting major scale's tonic (then as given), each with that tonic.
    private readonly double[][] _pieces;
    private readonly int[] _tonics;

    private CorpusKeys(double[] profile, double[][] pieces)
    {
        _profile = profile;
        var tonics = pieces.Select(p => MusicalScale.BestMajorTonic(p)).ToArray();
        var order = Enumerable.Range(0, pieces.Length).OrderBy(i => tonics[i]).ThenBy(i => i).ToArray();
        _pieces = [.. order.Select(i => pieces[i])];
        _tonics = [.. order.Select(i => tonics[i])];
    }

    /// <summary>
    /// From a profile in C and the pieces' histograms (none need sum to 1); null if the profile is unusable or no piece
    /// has notes. Pieces without notes are left out.
    /// </summary>
    public static CorpusKeys? Create(ReadOnlySpan<double> profileInC, IReadOnlyList<double[]> pieces)
    {
        var profile = Normalised(profileInC);
        if (profile is null) return null;
        var usable = new List<double[]>();
        foreach (var piece in pieces)
            if (Normalised(piece) is { } h) usable.Add(h);
        return usable.Count == 0 ? null : new CorpusKeys(profile, [.. usable]);
    }

    /// <summary>
    /// From the pieces' histograms alone, the profile their mean moved to C (each piece by its best-fitting major
    /// scale); null if no piece has notes.
    /// </summary>
    public static CorpusKeys? OfPieces(IReadOnlyList<double[]> pieces)
    {
        var profile = new double[12];
        foreach (var piece in pieces)
        {
            if (Normalised(piece) is not { } h) continue;
            var tonic = MusicalScale.BestMajorTonic(h);
            for (var pc = 0; pc < 12; pc++) profile[pc] += h[(pc + tonic) % 12];
        }
        return Create(profile, pieces);
    }

    /// <summary>
    /// Reads the metadata values: the profile as 12 comma-separated numbers, the pieces as such lists separated by
    /// semicolons; null when either is absent or unusable.
    /// </summary>
    public static CorpusKeys? Parse(string? profileInC, string? pieces)
    {
        if (profileInC is null || pieces is null) return null;
        var profile = ParseTwelve(profileInC);
        if (profile is null) return null;
        var rows = new List<double[]>();
        foreach (var row in pieces.Split(';'))
        {
            if (ParseTwelve(row) is not { } values) return null;
            rows.Add(values);
        }
        return Create(profile, rows);
    }

    /// <summary>The profile in C, summing to 1.</summary>
    public ReadOnlySpan<double> ProfileInC => _profile;

    public int PieceCount => _pieces.Length;

    /// <summary>
    /// Takes the piece at <paramref name="quantile"/> (0…1, <see cref="SeedQuantile.Of"/> of a seed) among the pieces
    /// ordered by key and writes a seed's start histogram (12 values summing to 1): <see cref="PieceShare"/> of the
    /// piece's own, the rest the profile in the piece's key, the classes outside the key's major scale weighted by
    /// <see cref="OutOfScaleWeight"/>. Returns that key's tonic (0 = C … 11 = B).
    /// </summary>
    public int DrawHome(double quantile, Span<float> destination)
    {
        var index = SeedQuantile.Index(quantile, _pieces.Length);
        var piece = _pieces[index];
        var tonic = _tonics[index];
        ProfileIn(tonic, destination);
        var sum = 0.0;
        for (var pc = 0; pc < 12; pc++)
        {
            var w = PieceShare * piece[pc] + (1 - PieceShare) * destination[pc];
            if (!MusicalScale.Contains(MusicalScale.Major, tonic, pc)) w *= OutOfScaleWeight;
            destination[pc] = (float)w;
            sum += w;
        }
        for (var pc = 0; pc < 12; pc++) destination[pc] = (float)(destination[pc] / sum);
        return tonic;
    }

    /// <summary>
    /// Writes the histogram (12 values summing to 1) of the piece at <paramref name="quantile"/> (as in
    /// <see cref="DrawHome"/>) as it is, for a model that hears a piece's own; returns its key's tonic.
    /// </summary>
    public int PieceAt(double quantile, Span<float> destination)
    {
        if (destination.Length < 12) throw new ArgumentException("12 values are needed", nameof(destination));
        var index = SeedQuantile.Index(quantile, _pieces.Length);
        for (var pc = 0; pc < 12; pc++) destination[pc] = (float)_pieces[index][pc];
        return _tonics[index];
    }

    /// <summary>Writes the profile moved up to <paramref name="tonic"/> (12 values summing to 1).</summary>
    public void ProfileIn(int tonic, Span<float> destination)
    {
        if (destination.Length < 12) throw new ArgumentException("12 values are needed", nameof(destination));
        for (var pc = 0; pc < 12; pc++) destination[pc] = (float)_profile[((pc - tonic) % 12 + 12) % 12];
    }

    /// <summary>A profile as metadata keeps it: 12 numbers, invariant culture, round-trip.</summary>
    public static string FormatProfile(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) parts[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
        return string.Join(",", parts);
    }

    /// <summary>Pieces as metadata keeps them: each as <see cref="FormatProfile"/>, separated by semicolons.</summary>
    public static string FormatPieces(IEnumerable<double[]> pieces) => string.Join(";", pieces.Select(p => FormatProfile(p)));

    private static double[]? Normalised(ReadOnlySpan<double> values)
    {
        if (values.Length != 12) return null;
        var sum = 0.0;
        foreach (var v in values)
        {
            if (!(v >= 0) || double.IsInfinity(v)) return null;
            sum += v;
        }
        if (!(sum > 0)) return null;
        var result = new double[12];
        for (var i = 0; i < 12; i++) result[i] = values[i] / sum;
        return result;
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
