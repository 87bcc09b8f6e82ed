using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Everything a pix2pix run needs to continue or be exported, stored as JSON in its checkpoint: the facade's note-drop
/// probability and bar-blanking chance, the L1 weight λ (Pix2Pix's 100), Adam's rate (2e-4, β 0.5, 0.999 for both
/// networks), the threshold the player reads filled cells at, the schedule and the data.
/// </summary>
public sealed record Pix2PixRunConfig
{
    public const string FamilyName = "pix2pix";

    public string Family { get; init; } = FamilyName;
    /// <summary>The chance that a note of the crop is missing from its facade.</summary>
    public double NoteDrop { get; init; } = 0.3;
    /// <summary>The chance that one or two whole bars of the facade are blanked (and marked in the hole mask).</summary>
    public double BarChance { get; init; } = 0.5;
    /// <summary>λ, the L1 term's weight against the adversarial one.</summary>
    public double L1Weight { get; init; } = 100;
    /// <summary>A filled cell above it sounds: the exported preset's default and the validation F1's.</summary>
    public double Threshold { get; init; } = 0.3;
    public long Steps { get; init; }
    public int Batch { get; init; } = 8;
    public double LearningRate { get; init; } = 2e-4;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 50;
    public int CheckpointEvery { get; init; } = 50;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch is < 2 or > 1024) throw new EuterpeException($"--batch {Batch}: must be 2…1024 (batch norm needs two crops or more)");
        if (!(NoteDrop is >= 0 and < 1)) throw new EuterpeException($"--note-drop {NoteDrop}: must be at least 0 and below 1");
        if (!(BarChance is >= 0 and <= 1)) throw new EuterpeException($"--bar-chance {BarChance}: must be 0…1");
        if (!(L1Weight is >= 0 and <= 10000)) throw new EuterpeException($"--l1-weight {L1Weight}: must be 0…10000");
        if (!(Threshold is > 0 and < 1)) throw new EuterpeException($"--threshold {Threshold}: must be above 0 and below 1");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static Pix2PixRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<Pix2PixRunConfig>(json, JsonOptions);
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName)
                throw new EuterpeException($"{source}: not a pix2pix run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a pix2pix run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
