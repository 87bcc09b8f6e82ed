using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// Everything a piano-roll GAN run needs to continue or be exported, stored as JSON in its checkpoint: the latent size,
/// the discriminator's dropout, the two learning rates (the DCGAN source's G 1e-4, D 1e-6), the threshold the player
/// reads rolls at, the schedule and the data; for the improved-Wasserstein GAN (<see cref="Family"/> iwgan) also the
/// critic steps per generator step and the gradient penalty's weight. <see cref="Family"/> (dcgan or iwgan) tells these
/// runs apart from others and picks the trainer.
/// </summary>
public sealed record DcganRunConfig
{
    public const string FamilyName = "dcgan";
    public const string IwganName = "iwgan";

    public string Family { get; init; } = FamilyName;
    public int Latent { get; init; } = 100;
    public double Dropout { get; init; } = 0.3;
    /// <summary>A cell above it sounds: exported in the manifest as the player's default, and used for the runs' on-cell shares.</summary>
    public double Threshold { get; init; } = 0.3;
    public long Steps { get; init; }
    /// <summary>Clips per step (the source's 200).</summary>
    public int Batch { get; init; } = 200;
    public double GeneratorLearningRate { get; init; } = 1e-4;
    public double DiscriminatorLearningRate { get; init; } = 1e-6;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    /// <summary>iwgan: critic steps per generator step (n_critic).</summary>
    public int CriticSteps { get; init; } = 5;
    /// <summary>iwgan: the gradient penalty's weight λ.</summary>
    public double Penalty { get; init; } = 10;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch is < 2 or > 4096) throw new EuterpeException($"--batch {Batch}: must be 2…4096 (batch norm needs two clips or more)");
        if (Latent is < 1 or > 4096) throw new EuterpeException($"--latent {Latent}: must be 1…4096");
        if (!(Dropout is >= 0 and < 1)) throw new EuterpeException($"--dropout {Dropout}: must be at least 0 and below 1");
        if (!(Threshold is > 0 and < 1)) throw new EuterpeException($"--threshold {Threshold}: must be above 0 and below 1");
        if (!(GeneratorLearningRate > 0)) throw new EuterpeException($"--lr {GeneratorLearningRate}: must be positive");
        if (!(DiscriminatorLearningRate > 0)) throw new EuterpeException($"--disc-lr {DiscriminatorLearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (CriticSteps is < 1 or > 100) throw new EuterpeException($"--critic-steps {CriticSteps}: must be 1…100");
        if (!(Penalty is >= 0 and <= 1000)) throw new EuterpeException($"--penalty {Penalty}: must be 0…1000");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static DcganRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<DcganRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() is not (FamilyName or IwganName))
                throw new EuterpeException($"{source}: not a dcgan or iwgan run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a dcgan or iwgan run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
