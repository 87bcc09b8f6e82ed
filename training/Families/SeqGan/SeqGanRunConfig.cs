using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Families.SeqGan;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// Everything a seqgan run needs to continue or be exported, stored as JSON in its checkpoint: the duration scheme, the
/// sizes of the generator and discriminator, the window length, the phases (steps of generator pre-training and of
/// discriminator pre-training; the rest of <see cref="Steps"/> is adversarial), the roll-outs and the data.
/// <see cref="Family"/> tells these runs apart from others.
/// </summary>
public sealed record SeqGanRunConfig
{
    public const string FamilyName = SeqGanFamily.Name;

    /// <summary>The discriminator's filter widths (each at most <see cref="Length"/>; wider ones are left out).</summary>
    public static IReadOnlyList<int> FilterWidths { get; } = [1, 2, 3, 4, 6, 8, 12, 16];

    public string Family { get; init; } = FamilyName;
    /// <summary>"vocabulary" (joint pitch-duration tokens) or "ngram" (pitches, durations from the n-gram model).</summary>
    public string Durations { get; init; } = SeqGanTokens.Vocabulary;
    /// <summary>Tokens the generator writes (the start symbol not counted).</summary>
    public int Vocabulary { get; init; }
    public int Embedding { get; init; } = 32;
    public int Hidden { get; init; } = 200;
    public int DiscriminatorEmbedding { get; init; } = 32;
    /// <summary>Filters per width in the discriminator.</summary>
    public int Filters { get; init; } = 32;
    public double Dropout { get; init; } = 0.25;
    /// <summary>Tokens per training window (and per generated sequence).</summary>
    public int Length { get; init; } = 32;
    /// <summary>Monte-Carlo roll-outs per prefix that give a token its reward.</summary>
    public int Rollouts { get; init; } = 4;
    /// <summary>How much of the roll-out copy stays at each adversarial step (the rest comes from the generator).</summary>
    public double RolloutKeep { get; init; } = 0.8;
    /// <summary>Discriminator updates on fresh negatives after each adversarial generator update.</summary>
    public int DiscriminatorSteps { get; init; } = 1;
    /// <summary>Steps of generator pre-training (maximum likelihood); the first phase.</summary>
    public long PretrainSteps { get; init; }
    /// <summary>Steps of discriminator pre-training (real against generated); the second phase.</summary>
    public long DiscriminatorPretrainSteps { get; init; }
    /// <summary>Order of the n-gram model the "ngram" scheme draws durations from.</summary>
    public int NGramOrder { get; init; } = 3;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public double DiscriminatorLearningRate { get; init; } = 1e-4;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>The step the adversarial phase starts after.</summary>
    public long AdversarialFrom => PretrainSteps + DiscriminatorPretrainSteps;

    /// <summary>The filter widths that fit a window.</summary>
    public int[] Widths => [.. FilterWidths.Where(w => w <= Length)];

    /// <summary>
    /// The phase split: the steps given, or by default half of --steps pre-training the generator and a fifth the
    /// discriminator; the rest is adversarial.
    /// </summary>
    public SeqGanRunConfig WithPhases(long? pretrainSteps, long? discriminatorPretrainSteps) => this with
    {
        PretrainSteps = pretrainSteps ?? Steps / 2,
        DiscriminatorPretrainSteps = discriminatorPretrainSteps ?? Steps / 5,
    };

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Durations is not (SeqGanTokens.Vocabulary or SeqGanTokens.NGram)) throw new EuterpeException($"--durations {Durations}: must be {SeqGanTokens.Vocabulary} or {SeqGanTokens.NGram}");
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (PretrainSteps < 0) throw new EuterpeException($"--pretrain-steps {PretrainSteps}: must be at least 0");
        if (DiscriminatorPretrainSteps < 0) throw new EuterpeException($"--disc-pretrain-steps {DiscriminatorPretrainSteps}: must be at least 0");
        if (Batch < 2) throw new EuterpeException($"--batch {Batch}: must be at least 2");
        if (Hidden is < 1 or > 4096) throw new EuterpeException($"--hidden {Hidden}: must be 1…4096");
        if (Embedding is < 1 or > 4096) throw new EuterpeException($"--embedding {Embedding}: must be 1…4096");
        if (DiscriminatorEmbedding is < 1 or > 4096) throw new EuterpeException($"--disc-embedding {DiscriminatorEmbedding}: must be 1…4096");
        if (Filters is < 1 or > 4096) throw new EuterpeException($"--filters {Filters}: must be 1…4096");
        if (!(Dropout is >= 0 and < 1)) throw new EuterpeException($"--dropout {Dropout}: must be at least 0 and below 1");
        if (Length is < 2 or > 1024) throw new EuterpeException($"--seq-len {Length}: must be 2…1024");
        if (Rollouts is < 1 or > 256) throw new EuterpeException($"--rollouts {Rollouts}: must be 1…256");
        if (!(RolloutKeep is >= 0 and <= 1)) throw new EuterpeException($"--rollout-keep {RolloutKeep}: must be 0…1");
        if (DiscriminatorSteps is < 1 or > 100) throw new EuterpeException($"--disc-steps {DiscriminatorSteps}: must be 1…100");
        if (NGramOrder is < 1 or > 8) throw new EuterpeException($"--ngram-order {NGramOrder}: must be 1…8");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(DiscriminatorLearningRate > 0)) throw new EuterpeException($"--disc-lr {DiscriminatorLearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static SeqGanRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<SeqGanRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName || config.Vocabulary < 2 || config.Durations is not (SeqGanTokens.Vocabulary or SeqGanTokens.NGram))
                throw new EuterpeException($"{source}: not a seqgan run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a seqgan run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
