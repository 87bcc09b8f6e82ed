using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// Everything an rnn-gan run needs to continue or be exported, stored as JSON in its checkpoint: the sizes of the
/// generator and discriminator, the noise per step, the window length, the stabilising tricks (one-sided label
/// smoothing, history replay) and the data. <see cref="Family"/> tells these runs apart from others.
/// </summary>
public sealed record RnnGanRunConfig
{
    public const string FamilyName = "rnn-gan";

    public string Family { get; init; } = FamilyName;
    /// <summary>Joint (pitch, duration) tokens of the default notes encoding.</summary>
    public int Vocabulary { get; init; }
    /// <summary>Width of the token embedding the generator reads its previous distribution through.</summary>
    public int Embedding { get; init; } = 32;
    /// <summary>Gaussian noise values the generator reads at every step, beside its previous distribution.</summary>
    public int Noise { get; init; } = 16;
    public int Hidden { get; init; } = 128;
    public int DiscriminatorHidden { get; init; } = 128;
    /// <summary>Tokens per training window (and per generated segment).</summary>
    public int Length { get; init; } = 32;
    /// <summary>The discriminator's target for real windows (one-sided label smoothing; 1 is none).</summary>
    public double Smooth { get; init; } = 0.9;
    /// <summary>Generated batches the history replay remembers; 0 turns it off. Half of each fake batch the discriminator sees comes from it.</summary>
    public int Replay { get; init; } = 4;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double LearningRate { get; init; } = 2e-4;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Rows of each fake batch drawn from the replay buffer (once it holds any).</summary>
    public int ReplayRows => Replay > 0 ? Batch / 2 : 0;

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch < 2) throw new EuterpeException($"--batch {Batch}: must be at least 2");
        if (Hidden is < 1 or > 4096) throw new EuterpeException($"--hidden {Hidden}: must be 1…4096");
        if (DiscriminatorHidden is < 1 or > 4096) throw new EuterpeException($"--disc-hidden {DiscriminatorHidden}: must be 1…4096");
        if (Embedding is < 1 or > 4096) throw new EuterpeException($"--embedding {Embedding}: must be 1…4096");
        if (Noise is < 1 or > 4096) throw new EuterpeException($"--noise {Noise}: must be 1…4096");
        if (Length is < 1 or > 1024) throw new EuterpeException($"--seq-len {Length}: must be 1…1024");
        if (!(Smooth is > 0 and <= 1)) throw new EuterpeException($"--smooth {Smooth}: must be above 0 and at most 1");
        if (Replay is < 0 or > 1000) throw new EuterpeException($"--replay {Replay}: must be 0…1000");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static RnnGanRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<RnnGanRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName || config.Vocabulary < 2)
                throw new EuterpeException($"{source}: not an rnn-gan run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not an rnn-gan run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
