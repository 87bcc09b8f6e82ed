namespace Euterpe.Training.Models;

/// <summary>
/// Counts of the next symbol after each context of up to <see cref="Order"/>−1 previous symbols, and the
/// Witten–Bell interpolated probability built from them: every context length contributes, weighted by how
/// much evidence it has, down to a uniform floor, so unseen contexts back off smoothly and every symbol keeps
/// a non-zero probability (needed for a finite cross-entropy on held-out music).
/// </summary>
public sealed class NGramDistribution
{
    // Key: context symbols (oldest first) joined as a string; value: next symbol → count.
    private readonly Dictionary<string, Dictionary<int, int>> _counts = [];
    private readonly Dictionary<string, int> _totals = [];

    public NGramDistribution(int order, int vocabularySize)
    {
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), "order must be at least 1");
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize));
        Order = order;
        VocabularySize = vocabularySize;
    }

    public int Order { get; }

    public int VocabularySize { get; }

    /// <summary>Counts every (context, next) pair of one sequence, for context lengths 0 … Order−1.</summary>
    public void Add(ReadOnlySpan<int> sequence)
    {
        for (var i = 0; i < sequence.Length; i++)
        {
            var symbol = sequence[i];
            if ((uint)symbol >= (uint)VocabularySize) throw new ArgumentOutOfRangeException(nameof(sequence), $"symbol {symbol} is outside the vocabulary of {VocabularySize}");
            for (var length = 0; length < Order && length <= i; length++)
                Increment(Key(sequence.Slice(i - length, length)), symbol);
        }
    }

    /// <summary>P(symbol | context), interpolated over the context's suffixes (only the last Order−1 symbols matter).</summary>
    public double Probability(ReadOnlySpan<int> context, int symbol)
    {
        var p = 1.0 / VocabularySize;
        var longest = Math.Min(Order - 1, context.Length);
        for (var length = 0; length <= longest; length++)
        {
            var key = Key(context[^length..]);
            if (!_totals.TryGetValue(key, out var total)) break; // a longer context cannot have been seen either
            var next = _counts[key];
            var distinct = next.Count;
            next.TryGetValue(symbol, out var count);
            var lambda = (double)total / (total + distinct);
            p = lambda * count / total + (1 - lambda) * p;
        }
        return p;
    }

    /// <summary>Writes the full distribution after <paramref name="context"/> into <paramref name="probabilities"/>.</summary>
    public void Distribution(ReadOnlySpan<int> context, Span<double> probabilities)
    {
        if (probabilities.Length != VocabularySize) throw new ArgumentException($"need {VocabularySize} slots", nameof(probabilities));
        for (var s = 0; s < VocabularySize; s++) probabilities[s] = Probability(context, s);
    }

    internal NGramTable ToTable() => new(Order, VocabularySize,
        _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new NGramRow(ParseKey(kv.Key), kv.Value.OrderBy(x => x.Key).Select(x => new[] { x.Key, x.Value }).ToArray()))
            .ToArray());

    internal static NGramDistribution FromTable(NGramTable table, string source)
    {
        var distribution = new NGramDistribution(table.Order, table.VocabularySize);
        foreach (var row in table.Rows)
        {
            if (row.Context.Length >= table.Order) throw new Core.EuterpeException($"{source}: context of length {row.Context.Length} exceeds order {table.Order}");
            var key = Key(row.Context);
            foreach (var pair in row.Next)
            {
                if (pair.Length != 2 || (uint)pair[0] >= (uint)table.VocabularySize || pair[1] <= 0)
                    throw new Core.EuterpeException($"{source}: bad count entry [{string.Join(",", pair)}]");
                distribution.Increment(key, pair[0], pair[1]);
            }
        }
        return distribution;
    }

    private void Increment(string key, int symbol, int by = 1)
    {
        if (!_counts.TryGetValue(key, out var next)) _counts[key] = next = [];
        next[symbol] = next.GetValueOrDefault(symbol) + by;
        _totals[key] = _totals.GetValueOrDefault(key) + by;
    }

    private static string Key(ReadOnlySpan<int> context)
    {
        if (context.IsEmpty) return "";
        var parts = new string[context.Length];
        for (var i = 0; i < context.Length; i++) parts[i] = context[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(' ', parts);
    }

    private static int[] ParseKey(string key) =>
        key.Length == 0 ? [] : key.Split(' ').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
