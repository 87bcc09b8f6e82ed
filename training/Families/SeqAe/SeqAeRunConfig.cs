using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// Everything a seq-ae run needs to continue or be exported, stored as JSON in its checkpoint: the sizes of the encoder
/// and the two decoders, the code's bits, the subsequence length, how many consecutive subsequences a training window
/// holds, the weights of the continuity and quantisation losses, and the data. <see cref="Family"/> tells these runs apart.
/// </summary>
public sealed record SeqAeRunConfig
{
    public const string FamilyName = "seq-ae";

    public string Family { get; init; } = FamilyName;
    /// <summary>Joint (pitch, duration) tokens of the default notes encoding.</summary>
    public int Vocabulary { get; init; }
    public int Embedding { get; init; } = 32;
    public int Hidden { get; init; } = 128;
    /// <summary>m: the code's length (c' ∈ (−1, 1)^m, c = sign(c')).</summary>
    public int CodeBits { get; init; } = 16;
    /// <summary>Tokens per subsequence: one code each.</summary>
    public int Length { get; init; } = 8;
    /// <summary>Consecutive subsequences per training window (the continuity loss runs over their neighbours).</summary>
    public int Chunks { get; init; } = 4;
    /// <summary>Weight of the continuity loss ‖sign(c'ᵢ) − c'ᵢ₊₁‖² + ‖c'ᵢ − sign(c'ᵢ₊₁)‖² (0: off).</summary>
    public double Continuity { get; init; } = 0.01;
    /// <summary>Weight of the quantisation loss ‖c'ᵢ − sign(c'ᵢ)‖² (0: off).</summary>
    public double Quantisation { get; init; } = 0.01;
    /// <summary>Steps over which the continuity and quantisation weights rise linearly from 0 (codes that carry nothing yet are not pinned).</summary>
    public int Warmup { get; init; } = 500;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Tokens per training window.</summary>
    public int WindowTokens => Length * Chunks;

    /// <summary>The share of the continuity and quantisation weights in force at <paramref name="step"/> (1-based).</summary>
    public double Ramp(long step) => Warmup == 0 ? 1 : Math.Min(1.0, step / (double)Warmup);

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch < 1) throw new EuterpeException($"--batch {Batch}: must be at least 1");
        if (Hidden is < 1 or > 4096) throw new EuterpeException($"--hidden {Hidden}: must be 1…4096");
        if (Embedding is < 1 or > 4096) throw new EuterpeException($"--embedding {Embedding}: must be 1…4096");
        if (CodeBits is < 1 or > 256) throw new EuterpeException($"--code-bits {CodeBits}: must be 1…256");
        if (Length is < 1 or > 256) throw new EuterpeException($"--seq-len {Length}: must be 1…256");
        if (Chunks is < 2 or > 64) throw new EuterpeException($"--chunks {Chunks}: must be 2…64 (the continuity loss needs neighbours)");
        if (!(Continuity is >= 0 and <= 100)) throw new EuterpeException($"--continuity {Continuity}: must be 0…100");
        if (!(Quantisation is >= 0 and <= 100)) throw new EuterpeException($"--quantisation {Quantisation}: must be 0…100");
        if (Warmup < 0) throw new EuterpeException($"--warmup {Warmup}: must be at least 0");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static SeqAeRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<SeqAeRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName || config.Vocabulary < 2)
                throw new EuterpeException($"{source}: not a seq-ae run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a seq-ae run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
