using Euterpe.Core.Text;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// Counts of the next symbol after each context of up to <see cref="Order"/>−1 previous symbols, and the
/// Witten–Bell interpolated probability built from them: every context length contributes, weighted by how
/// much evidence it has, down to a uniform floor, so unseen contexts back off smoothly and every symbol keeps
/// a non-zero probability (needed for a finite cross-entropy on held-out music).
/// Contexts are packed into one integer, so asking for a probability never allocates (the plug-in samples on
/// its worker thread, which must not allocate in steady state).
/// </summary>
public sealed class NGramDistribution
{
    // Key: a leading 1, then each context symbol + 1 in base VocabularySize + 1 (so lengths never collide).
    private readonly Dictionary<ulong, Dictionary<int, int>> _counts = [];
    private readonly Dictionary<ulong, int> _totals = [];
    private readonly ulong _base;

    public NGramDistribution(int order, int vocabularySize)
    {
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), "order must be at least 1");
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize));
        Order = order;
        VocabularySize = vocabularySize;
        _base = (ulong)vocabularySize + 1;
        // The longest context must fit the packed key.
        if (order - 1 > 0 && Math.Log2(_base) * order >= 63)
            throw new ArgumentOutOfRangeException(nameof(order), $"order {order} is too high for a vocabulary of {vocabularySize}");
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

    /// <summary>The JSON table; rows in the ordinal order of their space-joined contexts, as files have always been written.</summary>
    internal NGramTable ToTable() => new(Order, VocabularySize,
        _counts.Select(kv => (Context: Unpack(kv.Key), Next: kv.Value))
            .OrderBy(row => string.Join(' ', row.Context), StringComparer.Ordinal)
            .Select(row => new NGramRow(row.Context, row.Next.OrderBy(x => x.Key).Select(x => new[] { x.Key, x.Value }).ToArray()))
            .ToArray());

    internal static NGramDistribution FromTable(NGramTable table, string source)
    {
        // Scratch arrays of the vocabulary's size are allocated when the model opens.
        if (Presets.ManifestLimits.Outside("vocabularySize", table.VocabularySize, 1, Presets.ManifestLimits.MaxVocabulary) is { } size)
            throw new EuterpeException($"{source}: {size}");
        NGramDistribution distribution;
        try
        {
            distribution = new NGramDistribution(table.Order, table.VocabularySize);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new EuterpeException($"{source}: {e.Message.Split(" (Parameter")[0]}");
        }
        if (table.Rows is null) throw new EuterpeException($"{source}: a table without \"rows\"");
        foreach (var row in table.Rows)
        {
            if (row?.Context is null || row.Next is null) throw new EuterpeException($"{source}: a row without \"context\" or \"next\"");
            if (row.Context.Length >= table.Order) throw new EuterpeException($"{source}: context of length {row.Context.Length} exceeds order {table.Order}");
            if (row.Context.Any(s => (uint)s >= (uint)table.VocabularySize)) throw new EuterpeException($"{source}: context [{UserText.OneLine(string.Join(",", row.Context), UserText.DefaultLimit)}] is outside the vocabulary of {table.VocabularySize}");
            var key = distribution.Key(row.Context);
            foreach (var pair in row.Next)
            {
                if (pair is not { Length: 2 } || (uint)pair[0] >= (uint)table.VocabularySize || pair[1] <= 0)
                    throw new EuterpeException($"{source}: bad count entry [{UserText.OneLine(string.Join(",", pair ?? []), UserText.DefaultLimit)}]");
                // Counts past int's range would wrap negative and make probabilities meaningless.
                if (distribution._totals.GetValueOrDefault(key) > int.MaxValue - pair[1])
                    throw new EuterpeException($"{source}: counts after context [{UserText.OneLine(string.Join(",", row.Context), UserText.DefaultLimit)}] add up past {int.MaxValue}");
                distribution.Increment(key, pair[0], pair[1]);
            }
        }
        return distribution;
    }

    private void Increment(ulong key, int symbol, int by = 1)
    {
        if (!_counts.TryGetValue(key, out var next)) _counts[key] = next = [];
        next[symbol] = next.GetValueOrDefault(symbol) + by;
        _totals[key] = _totals.GetValueOrDefault(key) + by;
    }

    private ulong Key(ReadOnlySpan<int> context)
    {
        ulong key = 1;
        foreach (var symbol in context) key = key * _base + (ulong)symbol + 1;
        return key;
    }

    private int[] Unpack(ulong key)
    {
        var symbols = new List<int>();
        for (; key > 1; key /= _base) symbols.Add((int)(key % _base) - 1);
        symbols.Reverse();
        return [.. symbols];
    }
}
