using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram note model, the baseline every neural family is compared with: the next pitch depends on the
/// previous n−1 pitches and the next duration on the previous n−1 durations, two distributions kept separate
/// as the literature does, each with Witten–Bell back-off. Melodies are given as parallel pitch and duration
/// token sequences (pitch tokens 0–127 plus a rest token; duration tokens index a duration table).
/// <para>
/// Format 2 adds what makes it sound like its corpus: each note's velocity drawn from an n-gram over the previous
/// velocity, the note's duration and its place in the bar (<see cref="Velocities"/>); the corpus's keys
/// (<see cref="KeyCounts"/>: melodies are counted moved to C major, see <see cref="MelodyKey"/>); how often its phrases
/// repeat (<see cref="Phrases"/>); and per-context song counts for pruning. A format 1 file still loads: constant
/// velocity, no transposition, no repeats, no pruning — the model it always was.
/// </para>
/// </summary>
public sealed class NGramNoteModel
{
    public const int FormatVersion = 2;

    /// <summary>The oldest model.json layout still read.</summary>
    public const int OldestFormatVersion = 1;

    /// <summary>Velocity symbols 1…127 (0 stands for "no previous note" in a context).</summary>
    public const int VelocityVocabulary = 128;

    /// <summary>A velocity's context: place in the bar, the note's duration token, the previous note's velocity.</summary>
    public const int VelocityOrder = 4;
    public const string Family = "ngram";

    /// <summary>The largest model.json read (an order-3 model of a few thousand songs is a few megabytes).</summary>
    public const long MaxFileBytes = 256L << 20;

    private readonly double[] _pitchScratch;
    private readonly double[] _durationScratch;
    private readonly double[] _velocityScratch = new double[VelocityVocabulary];
    private readonly int[] _velocityContext = new int[VelocityOrder - 1];

    public NGramNoteModel(int order, int pitchVocabularySize, int durationVocabularySize)
        : this(new NGramDistribution(order, pitchVocabularySize), new NGramDistribution(order, durationVocabularySize),
            new NGramDistribution(VelocityOrder, VelocityVocabulary))
    {
    }

    private NGramNoteModel(NGramDistribution pitches, NGramDistribution durations, NGramDistribution velocities)
    {
        Pitches = pitches;
        Durations = durations;
        Velocities = velocities;
        _pitchScratch = new double[pitches.VocabularySize];
        _durationScratch = new double[durations.VocabularySize];
    }

    public int Order => Pitches.Order;

    public NGramDistribution Pitches { get; }

    public NGramDistribution Durations { get; }

    /// <summary>Velocity after (place in bar, duration token, previous velocity); empty when nothing taught it velocities.</summary>
    public NGramDistribution Velocities { get; }

    /// <summary>Training songs per key, by the tonic pitch class of their major scale (0 = C); all zero when untracked.</summary>
    public int[] KeyCounts { get; } = new int[12];

    /// <summary>How often the training melodies repeat a phrase; null when untracked (no repeats are made).</summary>
    public NGramPhraseCounts? Phrases { get; set; }

    /// <summary>The place of an onset in the bar as the velocity model hears it: 2 on a bar's first beat (4/4), 1 on another beat, 0 between.</summary>
    public static int Metric(long step, int stepsPerBeat) =>
        step % (4L * stepsPerBeat) == 0 ? 2 : step % stepsPerBeat == 0 ? 1 : 0;

    /// <summary>Counts one note's velocity (1…127) after the previous note's (0 for none).</summary>
    public void AddVelocity(int metric, int durationToken, int previousVelocity, int velocity)
    {
        if (velocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(velocity), "velocity must be 1..127");
        Velocities.AddOne(VelocityContext(metric, durationToken, previousVelocity), velocity);
    }

    /// <summary>
    /// Draws a note's velocity (allocation-free); <paramref name="fallback"/> when the model has no velocities (or the
    /// uniform floor draws the "no note" symbol 0).
    /// </summary>
    public int DrawVelocity(int metric, int durationToken, int previousVelocity, double temperature, RandomSource random, int fallback)
    {
        if (Velocities.IsEmpty) return fallback;
        var velocity = Draw(Velocities, VelocityContext(metric, durationToken, previousVelocity), _velocityScratch, temperature, random);
        return velocity == 0 ? fallback : velocity;
    }

    /// <summary>
    /// The tonic at <paramref name="quantile"/> (0…1, <see cref="SeedQuantile.Of"/> of a seed) of the training songs'
    /// keys, counted from C up; 0 (C, the key melodies are counted in) when none were counted.
    /// </summary>
    public int DrawTonic(double quantile)
    {
        var total = 0;
        foreach (var c in KeyCounts) total += c;
        if (total == 0) return 0;
        var target = SeedQuantile.Index(quantile, total);
        for (var tonic = 0; tonic < 12; tonic++)
        {
            target -= KeyCounts[tonic];
            if (target < 0) return tonic;
        }
        return 0;
    }

    // Duration tokens past the vocabulary share its last symbol (only huge custom duration tables have them).
    private ReadOnlySpan<int> VelocityContext(int metric, int durationToken, int previousVelocity)
    {
        _velocityContext[0] = Math.Clamp(metric, 0, 2);
        _velocityContext[1] = Math.Clamp(durationToken, 0, VelocityVocabulary - 1);
        _velocityContext[2] = Math.Clamp(previousVelocity, 0, 127);
        return _velocityContext;
    }

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

    /// <summary>Writes the model as JSON, with where it came from as its metadata (typed: the JSON is source-generated).</summary>
    public void Save(string path, NGramProvenance? metadata = null)
    {
        var document = new NGramDocument(FormatVersion, Family, Pitches.ToTable(), Durations.ToTable(),
            Velocities.IsEmpty ? null : Velocities.ToTable(), KeyCounts.Any(c => c > 0) ? KeyCounts : null, Phrases, metadata);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, DocumentInfo));
    }

    public static NGramNoteModel Load(string path)
    {
        NGramDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(InputFile.ReadAllText(path, MaxFileBytes, "n-gram model"), DocumentInfo);
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not a valid n-gram model ({Presets.Preset.OneLine(e.Message)})", inner: e);
        }
        if (document is null || document.Pitches is null || document.Durations is null)
            throw new EuterpeException($"{path}: not an n-gram model (pitches and durations tables required)");
        if (document.FormatVersion is < OldestFormatVersion or > FormatVersion)
            throw new EuterpeException($"{path}: n-gram format version {document.FormatVersion} is not supported (expected {OldestFormatVersion}…{FormatVersion})");
        if (document.Pitches.Order != document.Durations.Order)
            throw new EuterpeException($"{path}: pitch order {document.Pitches.Order} differs from duration order {document.Durations.Order}");
        var pitches = NGramDistribution.FromTable(document.Pitches, path);
        var durations = NGramDistribution.FromTable(document.Durations, path);
        if (document.FormatVersion == 1)
        {
            pitches.MinDocuments = durations.MinDocuments = 1; // format 1 had no pruning, whatever else the file holds
            return new NGramNoteModel(pitches, durations, new NGramDistribution(VelocityOrder, VelocityVocabulary));
        }
        var velocities = document.Velocities is { } table ? NGramDistribution.FromTable(table, path) : new NGramDistribution(VelocityOrder, VelocityVocabulary);
        if (velocities.Order != VelocityOrder || velocities.VocabularySize != VelocityVocabulary)
            throw new EuterpeException($"{path}: the velocity table must have order {VelocityOrder} and vocabularySize {VelocityVocabulary}");
        var model = new NGramNoteModel(pitches, durations, velocities);
        if (document.Keys is { } keys)
        {
            if (keys.Length != 12 || keys.Any(k => k < 0) || keys.Sum(k => (long)k) > int.MaxValue)
                throw new EuterpeException($"{path}: keys must be 12 song counts, one per tonic pitch class");
            keys.CopyTo(model.KeyCounts, 0);
        }
        if (document.Phrases is { } phrases)
        {
            if (phrases.Problem() is { } problem) throw new EuterpeException($"{path}: {problem}");
            model.Phrases = phrases;
        }
        return model;
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
        TypeInfoResolver = NGramJsonContext.Default,
    };

    private static readonly JsonTypeInfo<NGramDocument> DocumentInfo = (JsonTypeInfo<NGramDocument>)JsonOptions.GetTypeInfo(typeof(NGramDocument));
}
