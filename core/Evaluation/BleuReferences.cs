namespace Euterpe.Core.Evaluation;

/// <summary>
/// A reference corpus prepared for <see cref="Bleu"/>: its n-gram counts are gathered once, so that many candidate
/// pieces (one score each, or all together) are scored without recounting the corpus.
/// </summary>
public sealed class BleuReferences
{
    private readonly Dictionary<(int Order, long Key), int> _maxCounts;
    private readonly int[] _lengths;

    public BleuReferences(IReadOnlyList<int[]> references, int maxOrder = Bleu.DefaultMaxOrder)
    {
        if (maxOrder is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(maxOrder), "n-gram order must be 1..8");
        MaxOrder = maxOrder;
        _maxCounts = Bleu.MaxReferenceCounts(references, maxOrder);
        _lengths = [.. references.Select(r => r.Length).Distinct().Order()];
    }

    public int MaxOrder { get; }

    /// <summary>Corpus BLEU of the candidates (see <see cref="Bleu"/>); NaN without candidates or references.</summary>
    public double Score(IReadOnlyList<int[]> candidates) => Bleu.Score(candidates, _maxCounts, _lengths, MaxOrder);
}
