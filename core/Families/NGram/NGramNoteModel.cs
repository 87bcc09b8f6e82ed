using System.Text.Json;
using System.Text.Json.Serialization;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram note model, the baseline every neural family is compared with: the next pitch depends on the
/// previous n−1 pitches and the next duration on the previous n−1 durations, two distributions kept separate
/// as the literature does, each with Witten–Bell back-off. Melodies are given as parallel pitch and duration
/// token sequences (pitch tokens 0–127 plus a rest token; duration tokens index a duration table).
/// </summary>
public sealed class NGramNoteModel
{
    public const int FormatVersion = 1;
    public const string Family = "ngram";

    /// <summary>The largest model.json read (an order-3 model of a few thousand songs is a few megabytes).</summary>
    public const long MaxFileBytes = 256L << 20;

    private readonly double[] _pitchScratch;
    private readonly double[] _durationScratch;

    public NGramNoteModel(int order, int pitchVocabularySize, int durationVocabularySize)
        : this(new NGramDistribution(order, pitchVocabularySize), new NGramDistribution(order, durationVocabularySize))
    {
    }

    private NGramNoteModel(NGramDistribution pitches, NGramDistribution durations)
    {
        Pitches = pitches;
        Durations = durations;
        _pitchScratch = new double[pitches.VocabularySize];
        _durationScratch = new double[durations.VocabularySize];
    }

    public int Order => Pitches.Order;

    public NGramDistribution Pitches { get; }

    public NGramDistribution Durations { get; }

    /// <summary>Counts one melody.</summary>
    public void Add(ReadOnlySpan<int> pitches, ReadOnlySpan<int> durations)
    {
        if (pitches.Length != durations.Length) throw new ArgumentException("pitch and duration sequences differ in length");
        Pitches.Add(pitches);
        Durations.Add(durations);
    }

    /// <summary>Mean negative log-likelihood per note in nats, pitch and duration together, over held-out melodies.</summary>
    public double CrossEntropy(IEnumerable<(int[] Pitches, int[] Durations)> melodies)
    {
        double total = 0;
        long count = 0;
        foreach (var (pitches, durations) in melodies)
        {
            for (var i = 0; i < pitches.Length; i++)
            {
                total -= Math.Log(Pitches.Probability(pitches.AsSpan(0, i), pitches[i]));
                total -= Math.Log(Durations.Probability(durations.AsSpan(0, i), durations[i]));
                count++;
            }
        }
        return count == 0 ? double.NaN : total / count;
    }

    /// <summary>Draws the next pitch token after <paramref name="history"/> (oldest first); allocation-free.</summary>
    public int DrawPitch(ReadOnlySpan<int> history, double temperature, RandomSource random) =>
        Draw(Pitches, history, _pitchScratch, temperature, random);

    /// <summary>Draws the next duration token after <paramref name="history"/> (oldest first); allocation-free.</summary>
    public int DrawDuration(ReadOnlySpan<int> history, double temperature, RandomSource random) =>
        Draw(Durations, history, _durationScratch, temperature, random);

    public void Save(string path, object? metadata = null)
    {
        var document = new NGramDocument(FormatVersion, Family, Pitches.ToTable(), Durations.ToTable(), metadata);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions));
    }

    public static NGramNoteModel Load(string path)
    {
        NGramDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<NGramDocument>(InputFile.ReadAllText(path, MaxFileBytes, "n-gram model"), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not a valid n-gram model ({Presets.Preset.OneLine(e.Message)})", inner: e);
        }
        if (document is null || document.Pitches is null || document.Durations is null)
            throw new EuterpeException($"{path}: not an n-gram model (pitches and durations tables required)");
        if (document.FormatVersion != FormatVersion)
            throw new EuterpeException($"{path}: n-gram format version {document.FormatVersion} is not supported (expected {FormatVersion})");
        if (document.Pitches.Order != document.Durations.Order)
            throw new EuterpeException($"{path}: pitch order {document.Pitches.Order} differs from duration order {document.Durations.Order}");
        return new NGramNoteModel(NGramDistribution.FromTable(document.Pitches, path), NGramDistribution.FromTable(document.Durations, path));
    }

    private static int Draw(NGramDistribution distribution, ReadOnlySpan<int> history, double[] scratch, double temperature, RandomSource random)
    {
        distribution.Distribution(history, scratch);
        if (temperature == 0)
        {
            var best = 0;
            for (var s = 1; s < scratch.Length; s++) if (scratch[s] > scratch[best]) best = s;
            return best;
        }
        double total = 0;
        for (var s = 0; s < scratch.Length; s++) total += scratch[s] = Math.Pow(scratch[s], 1.0 / temperature);
        var target = random.NextDouble() * total;
        for (var s = 0; s < scratch.Length; s++)
        {
            target -= scratch[s];
            if (target < 0) return s;
        }
        return scratch.Length - 1;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
