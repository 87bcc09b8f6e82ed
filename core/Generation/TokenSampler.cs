namespace Euterpe.Core.Generation;

/// <summary>
/// Draws a token from logits with temperature, top-k and top-p. All scratch memory is allocated once
/// for the vocabulary size, so sampling in the generator's steady state allocates nothing.
/// </summary>
public sealed class TokenSampler
{
    private readonly float[] _probabilities;
    private readonly int[] _order;

    public TokenSampler(int vocabularySize)
    {
        if (vocabularySize <= 0) throw new ArgumentOutOfRangeException(nameof(vocabularySize));
        _probabilities = new float[vocabularySize];
        _order = new int[vocabularySize];
    }

    public int VocabularySize => _probabilities.Length;

    /// <summary>Samples one token. <paramref name="mask"/>, when given, forbids tokens whose entry is false.</summary>
    public int Sample(ReadOnlySpan<float> logits, SamplingOptions options, RandomSource random, ReadOnlySpan<bool> mask = default)
    {
        var n = _probabilities.Length;
        if (logits.Length != n) throw new ArgumentException($"expected {n} logits, got {logits.Length}", nameof(logits));
        if (options.Temperature <= 0) return ArgMax(logits, mask);

        // Softmax at temperature, stable against large logits.
        var max = float.NegativeInfinity;
        for (var i = 0; i < n; i++)
            if (Allowed(mask, i) && logits[i] > max) max = logits[i];
        if (float.IsNegativeInfinity(max)) throw new EuterpeException("no token is allowed: every logit is masked or −∞");
        var inverseT = 1.0 / options.Temperature;
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Allowed(mask, i) ? (float)Math.Exp((logits[i] - max) * inverseT) : 0f;
            _probabilities[i] = float.IsNaN(p) ? 0f : p;
            total += _probabilities[i];
        }

        var count = n;
        if (options.TopK > 0 || options.TopP < 1)
        {
            for (var i = 0; i < n; i++) _order[i] = i;
            // Sort descending by probability (our own sort: Array.Sort with a comparer allocates a delegate).
            SortDescending(_order, _probabilities, 0, n - 1);
            count = options.TopK > 0 ? Math.Min(options.TopK, n) : n;
            if (options.TopP < 1)
            {
                double cumulative = 0;
                var threshold = options.TopP * total;
                for (var i = 0; i < count; i++)
                {
                    cumulative += _probabilities[_order[i]];
                    if (cumulative >= threshold) { count = i + 1; break; }
                }
            }
            double kept = 0;
            for (var i = 0; i < count; i++) kept += _probabilities[_order[i]];
            var target = random.NextDouble() * kept;
            for (var i = 0; i < count; i++)
            {
                target -= _probabilities[_order[i]];
                if (target < 0) return _order[i];
            }
            return _order[count - 1];
        }

        var draw = random.NextDouble() * total;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            if (_probabilities[i] <= 0) continue;
            last = i;
            draw -= _probabilities[i];
            if (draw < 0) return i;
        }
        return last;
    }

    /// <summary>The normalised probabilities of the last <see cref="Sample"/> call before top-k/top-p (for tests and displays).</summary>
    public ReadOnlySpan<float> LastProbabilities => _probabilities;

    private static bool Allowed(ReadOnlySpan<bool> mask, int i) => mask.IsEmpty || mask[i];

    private static int ArgMax(ReadOnlySpan<float> logits, ReadOnlySpan<bool> mask)
    {
        var best = -1;
        for (var i = 0; i < logits.Length; i++)
            if (Allowed(mask, i) && (best < 0 || logits[i] > logits[best])) best = i;
        if (best < 0) throw new EuterpeException("no token is allowed: every logit is masked");
        return best;
    }

    private static void SortDescending(int[] order, float[] p, int lo, int hi)
    {
        while (lo < hi)
        {
            if (hi - lo < 16)
            {
                for (var i = lo + 1; i <= hi; i++)
                {
                    var item = order[i];
                    var j = i - 1;
                    while (j >= lo && Before(p, item, order[j])) { order[j + 1] = order[j]; j--; }
                    order[j + 1] = item;
                }
                return;
            }
            var pivot = order[lo + (hi - lo) / 2];
            int a = lo, b = hi;
            while (a <= b)
            {
                while (Before(p, order[a], pivot)) a++;
                while (Before(p, pivot, order[b])) b--;
                if (a <= b) { (order[a], order[b]) = (order[b], order[a]); a++; b--; }
            }
            // Recurse into the smaller half, loop on the larger: stack depth stays logarithmic.
            if (b - lo < hi - a) { SortDescending(order, p, lo, b); lo = a; }
            else { SortDescending(order, p, a, hi); hi = b; }
        }
    }

    // Higher probability first; ties by token index so the order, and so the draw, is deterministic.
    private static bool Before(float[] p, int x, int y) => p[x] > p[y] || (p[x] == p[y] && x < y);
}
