using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// Everything a multi-track WGAN-GP run needs to continue or be exported, stored as JSON in its checkpoint: the latent
/// size, the threshold the player reads clips at (the source's 0.9), the learning rates (the source's G 3e-4, critic
/// 6e-4, Adam β 0.5, 0.9) and their step decay (× <see cref="Decay"/> every <see cref="DecayEpochs"/> epochs), the
/// critic steps per generator step, the gradient penalty's weight, the schedule and the data.
/// </summary>
public sealed record MultiTrackRunConfig
{
    public const string FamilyName = "wgan-gp";

    public string Family { get; init; } = FamilyName;
    public int Latent { get; init; } = 128;
    /// <summary>A cell above it sounds: exported in the manifest as the player's default, and used for the runs' on-cell shares.</summary>
    public double Threshold { get; init; } = 0.9;
    public long Steps { get; init; }
    /// <summary>Clips per critic step.</summary>
    public int Batch { get; init; } = 16;
    public double GeneratorLearningRate { get; init; } = 3e-4;
    public double CriticLearningRate { get; init; } = 6e-4;
    /// <summary>Both learning rates are multiplied by it every <see cref="DecayEpochs"/> epochs.</summary>
    public double Decay { get; init; } = 0.75;
    /// <summary>Epochs between decays; an epoch is as many generator steps as the training clips fill batches.</summary>
    public int DecayEpochs { get; init; } = 25;
    /// <summary>Critic steps per generator step (n_critic).</summary>
    public int CriticSteps { get; init; } = 5;
    /// <summary>The gradient penalty's weight λ.</summary>
    public double Penalty { get; init; } = 10;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 50;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch is < 2 or > 4096) throw new EuterpeException($"--batch {Batch}: must be 2…4096 (the generator's batch norm needs two clips or more)");
        if (Latent is < 1 or > 4096) throw new EuterpeException($"--latent {Latent}: must be 1…4096");
        if (!(Threshold is > 0 and < 1)) throw new EuterpeException($"--threshold {Threshold}: must be above 0 and below 1");
        if (!(GeneratorLearningRate > 0)) throw new EuterpeException($"--lr {GeneratorLearningRate}: must be positive");
        if (!(CriticLearningRate > 0)) throw new EuterpeException($"--critic-lr {CriticLearningRate}: must be positive");
        if (!(Decay is > 0 and <= 1)) throw new EuterpeException($"--decay {Decay}: must be above 0 and at most 1");
        if (DecayEpochs < 1) throw new EuterpeException($"--decay-epochs {DecayEpochs}: must be at least 1");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (CriticSteps is < 1 or > 100) throw new EuterpeException($"--critic-steps {CriticSteps}: must be 1…100");
        if (!(Penalty is >= 0 and <= 1000)) throw new EuterpeException($"--penalty {Penalty}: must be 0…1000");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    /// <summary>The learning-rate factor at <paramref name="step"/> (0-based generator step) for <paramref name="trainClips"/> training clips.</summary>
    public double DecayFactor(long step, int trainClips)
    {
        var stepsPerEpoch = Math.Max(1, (trainClips + Batch - 1) / Batch);
        return Math.Pow(Decay, step / ((long)stepsPerEpoch * DecayEpochs));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static MultiTrackRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<MultiTrackRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName)
                throw new EuterpeException($"{source}: not a {FamilyName} run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a {FamilyName} run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
