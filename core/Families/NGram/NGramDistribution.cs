using Euterpe.Core.Text;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// Counts of the next symbol after each context of up to <see cref="Order"/>−1 previous symbols, and the
/// Witten–Bell interpolated probability built from them: every context length contributes, weighted by how
/// much evidence it has, down to a uniform floor, so unseen contexts back off smoothly and every symbol keeps
/// a non-zero probability (needed for a finite cross-entropy on held-out music).
/// Contexts are packed into one integer, so asking for a probability never allocates (the plug-in samples on
/// its worker thread, which must not allocate in steady state).
/// <para>
/// Each <see cref="Add(ReadOnlySpan{int})"/> is one document (a song), and every context counts the documents it
/// appeared in. With <see cref="MinDocuments"/> above 1 a context heard in fewer songs is not used: its counts can
/// only repeat that one song, so a long enough chain of them copies its riffs note for note.
/// </para>
/// </summary>
public sealed class NGramDistribution
{
    // Key: a leading 1, then each context symbol + 1 in base VocabularySize + 1 (so lengths never collide).
    private readonly Dictionary<ulong, Dictionary<int, int>> _counts = [];
    private readonly Dictionary<ulong, int> _totals = [];
    private readonly Dictionary<ulong, int> _documents = [];
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

    /// <summary>
    /// The fewest documents a context (of length 1 or more) must have appeared in to be used; 1 uses every context.
    /// Back-off stops at the first context below it.
    /// </summary>
    public int MinDocuments
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "at least 1 document");
    } = 1;

    /// <summary>
    /// Whether <see cref="Add(ReadOnlySpan{int})"/> counts a (longest context, next) pair once per document rather than
    /// per occurrence: then a song that plays one figure a hundred times weighs no more there than a song that plays it
    /// once, and cannot pull sampled melodies into its ostinato (a context heard in two songs can still be one song's
    /// hundred times). Shorter contexts keep every occurrence, so the corpus's local habits stay as strong as they are.
    /// </summary>
    public bool CountSongs { get; set; }

    /// <summary>Counts every (context, next) pair of one sequence (one document), for context lengths 0 … Order−1.</summary>
    public void Add(ReadOnlySpan<int> sequence)
    {
        var seen = new HashSet<ulong>();
        var pairs = new HashSet<(ulong Key, int Symbol)>();
        for (var i = 0; i < sequence.Length; i++)
        {
            var symbol = sequence[i];
            if ((uint)symbol >= (uint)VocabularySize) throw new ArgumentOutOfRangeException(nameof(sequence), $"symbol {symbol} is outside the vocabulary of {VocabularySize}");
            for (var length = 0; length < Order && length <= i; length++)
            {
                var key = Key(sequence.Slice(i - length, length));
                if (!CountSongs || length == 0 || length < Order - 1) Increment(key, symbol);
                else pairs.Add((key, symbol));
                if (seen.Add(key)) _documents[key] = _documents.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var (key, symbol) in pairs) Increment(key, symbol);
    }

    /// <summary>
    /// Counts one symbol after one context, for all the context's suffixes (the context may hold any symbols of the
    /// vocabulary, e.g. features of the note rather than earlier symbols). Document counts are left alone.
    /// </summary>
    public void AddOne(ReadOnlySpan<int> context, int symbol)
    {
        if ((uint)symbol >= (uint)VocabularySize) throw new ArgumentOutOfRangeException(nameof(symbol), $"symbol {symbol} is outside the vocabulary of {VocabularySize}");
        foreach (var s in context)
            if ((uint)s >= (uint)VocabularySize) throw new ArgumentOutOfRangeException(nameof(context), $"symbol {s} is outside the vocabulary of {VocabularySize}");
        for (var length = 0; length < Order && length <= context.Length; length++)
            Increment(Key(context[^length..]), symbol);
    }

    /// <summary>Whether nothing has been counted.</summary>
    public bool IsEmpty => _totals.Count == 0;

    /// <summary>How many documents the context (its last Order−1 symbols) appeared in; 0 when unseen or not tracked.</summary>
    public int Documents(ReadOnlySpan<int> context) =>
        _documents.GetValueOrDefault(Key(context[^Math.Min(Order - 1, context.Length)..]));

    /// <summary>P(symbol | context), interpolated over the context's suffixes (only the last Order−1 symbols matter).</summary>
    public double Probability(ReadOnlySpan<int> context, int symbol)
    {
        var p = 1.0 / VocabularySize;
        var longest = Math.Min(Order - 1, context.Length);
        for (var length = 0; length <= longest; length++)
        {
            var key = Key(context[^length..]);
            if (!_totals.TryGetValue(key, out var total)) break; // a longer context cannot have been seen either
            if (length > 0 && MinDocuments > 1 && _documents.GetValueOrDefault(key) < MinDocuments) break; // one song's riff
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
    /// <summary>Document counts are written only when some were counted, and minDocuments only above 1.</summary>
    internal NGramTable ToTable() => new(Order, VocabularySize,
        _counts.Select(kv => (Context: Unpack(kv.Key), Next: kv.Value, Documents: _documents.TryGetValue(kv.Key, out var d) ? d : (int?)null))
            .OrderBy(row => string.Join(' ', row.Context), StringComparer.Ordinal)
            .Select(row => new NGramRow(row.Context, row.Next.OrderBy(x => x.Key).Select(x => new[] { x.Key, x.Value }).ToArray(), row.Documents))
            .ToArray(),
        MinDocuments > 1 ? MinDocuments : null);

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
        if (table.MinDocuments is { } min)
        {
            if (min < 1) throw new EuterpeException($"{source}: minDocuments {min} is not at least 1");
            distribution.MinDocuments = min;
        }
        foreach (var row in table.Rows)
        {
            if (row?.Context is null || row.Next is null) throw new EuterpeException($"{source}: a row without \"context\" or \"next\"");
            if (row.Context.Length >= table.Order) throw new EuterpeException($"{source}: context of length {row.Context.Length} exceeds order {table.Order}");
            if (row.Context.Any(s => (uint)s >= (uint)table.VocabularySize)) throw new EuterpeException($"{source}: context [{UserText.OneLine(string.Join(",", row.Context), UserText.DefaultLimit)}] is outside the vocabulary of {table.VocabularySize}");
            var key = distribution.Key(row.Context);
            if (row.Documents is { } documents)
            {
                if (documents < 1) throw new EuterpeException($"{source}: context [{UserText.OneLine(string.Join(",", row.Context), UserText.DefaultLimit)}] has {documents} documents, not at least 1");
                distribution._documents[key] = documents;
            }
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
