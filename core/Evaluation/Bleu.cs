namespace Euterpe.Core.Evaluation;

/// <summary>
/// BLEU (Papineni et al. 2002) over pitch n-grams, as music-generation papers use it to measure how much of the
/// generated material's local patterns occur in the reference corpus. Corpus-level: for each order n = 1…4 the
/// modified precision is Σ clipped matches / Σ candidate n-grams over all candidates, where a candidate n-gram's
/// count is clipped to the most times it occurs in any single reference; the score is the geometric mean of the
/// precisions (uniform weights) times the brevity penalty exp(1 − r/c) when the total candidate length c is not
/// above r, the sum of each candidate's closest reference length (shorter one on ties). 0 when any precision is 0
/// (no smoothing), so candidates shorter than the largest order score 0.
/// </summary>
public static class Bleu
{
    public const int DefaultMaxOrder = 4;

    public static double Compute(IReadOnlyList<int[]> candidates, IReadOnlyList<int[]> references, int maxOrder = DefaultMaxOrder) =>
        new BleuReferences(references, maxOrder).Score(candidates);

    /// <summary>Most occurrences of each n-gram (orders 1…maxOrder) in any single reference.</summary>
    internal static Dictionary<(int Order, long Key), int> MaxReferenceCounts(IReadOnlyList<int[]> references, int maxOrder)
    {
        var maxRefCounts = new Dictionary<(int Order, long Key), int>();
        var counts = new Dictionary<(int Order, long Key), int>();
        foreach (var reference in references)
        {
            counts.Clear();
            CountNgrams(reference, maxOrder, counts);
            foreach (var (gram, count) in counts)
                if (!maxRefCounts.TryGetValue(gram, out var existing) || count > existing) maxRefCounts[gram] = count;
        }
        return maxRefCounts;
    }

    internal static double Score(IReadOnlyList<int[]> candidates, Dictionary<(int Order, long Key), int> maxRefCounts, int[] sortedReferenceLengths, int maxOrder)
    {
        if (candidates.Count == 0 || sortedReferenceLengths.Length == 0) return double.NaN;
        var counts = new Dictionary<(int Order, long Key), int>();
        var matches = new long[maxOrder + 1];
        var totals = new long[maxOrder + 1];
        long candidateLength = 0, referenceLength = 0;
        foreach (var candidate in candidates)
        {
            counts.Clear();
            CountNgrams(candidate, maxOrder, counts);
            foreach (var (gram, count) in counts)
            {
                totals[gram.Order] += count;
                matches[gram.Order] += Math.Min(count, maxRefCounts.GetValueOrDefault(gram));
            }
            candidateLength += candidate.Length;
            referenceLength += ClosestLength(sortedReferenceLengths, candidate.Length);
        }

        var logSum = 0.0;
        for (var n = 1; n <= maxOrder; n++)
        {
            if (matches[n] == 0) return 0;
            logSum += Math.Log((double)matches[n] / totals[n]);
        }
        var brevity = candidateLength > referenceLength ? 1.0 : Math.Exp(1 - (double)referenceLength / candidateLength);
        return brevity * Math.Exp(logSum / maxOrder);
    }

    private static int ClosestLength(int[] sortedLengths, int length)
    {
        var best = sortedLengths[0];
        foreach (var l in sortedLengths)
            if (Math.Abs(l - length) < Math.Abs(best - length)) best = l;
        return best;
    }

    private static void CountNgrams(int[] tokens, int maxOrder, Dictionary<(int Order, long Key), int> counts)
    {
        for (var n = 1; n <= maxOrder; n++)
        {
            for (var i = 0; i + n <= tokens.Length; i++)
            {
                // Pitches fit in 7 bits (anything else is folded into 8 bits), so up to 8 of them pack into a long.
                long key = 0;
                for (var j = 0; j < n; j++) key = (key << 8) | (byte)tokens[i + j];
                var gram = (n, key);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }
    }
}
