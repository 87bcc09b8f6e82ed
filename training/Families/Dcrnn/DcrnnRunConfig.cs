using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// Everything a dcrnn run needs to continue or be exported, stored as JSON in its checkpoint: the sizes of z, of the
/// structure RNN_a writes and of the two RNNs, the threshold the player reads rolls at, WGAN-GP's critic steps and
/// penalty weight, the learning rates, the schedule and the data. <see cref="Family"/> tells these runs apart.
/// </summary>
public sealed record DcrnnRunConfig
{
    public const string FamilyName = "dcrnn";

    public string Family { get; init; } = FamilyName;
    /// <summary>Size of the noise z (fed to RNN_a at every structure step).</summary>
    public int Latent { get; init; } = 32;
    /// <summary>Size of one structure vector (RNN_a's output per beat, after a ReLU: sparse).</summary>
    public int Structure { get; init; } = 32;
    public int StructureHidden { get; init; } = 64;
    public int NoteHidden { get; init; } = 128;
    /// <summary>A cell above it sounds: the exported preset's default.</summary>
    public double Threshold { get; init; } = 0.3;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double GeneratorLearningRate { get; init; } = 1e-4;
    public double CriticLearningRate { get; init; } = 1e-4;
    public int CriticSteps { get; init; } = 5;
    public double Penalty { get; init; } = 10;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch is < 1 or > 4096) throw new EuterpeException($"--batch {Batch}: must be 1…4096");
        if (Latent is < 8 or > 1024) throw new EuterpeException($"--latent {Latent}: must be 8…1024 (the plug-in's eight Latent knobs replace its first eight values)");
        if (Structure is < 1 or > 1024) throw new EuterpeException($"--structure {Structure}: must be 1…1024");
        if (StructureHidden is < 1 or > 2048) throw new EuterpeException($"--structure-hidden {StructureHidden}: must be 1…2048");
        if (NoteHidden is < 1 or > 2048) throw new EuterpeException($"--note-hidden {NoteHidden}: must be 1…2048");
        if (!(Threshold is > 0 and < 1)) throw new EuterpeException($"--threshold {Threshold}: must be above 0 and below 1");
        if (!(GeneratorLearningRate > 0)) throw new EuterpeException($"--lr {GeneratorLearningRate}: must be positive");
        if (!(CriticLearningRate > 0)) throw new EuterpeException($"--critic-lr {CriticLearningRate}: must be positive");
        if (CriticSteps is < 1 or > 100) throw new EuterpeException($"--critic-steps {CriticSteps}: must be 1…100");
        if (!(Penalty is >= 0 and <= 1000)) throw new EuterpeException($"--penalty {Penalty}: must be 0…1000");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static DcrnnRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<DcrnnRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName)
                throw new EuterpeException($"{source}: not a dcrnn run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a dcrnn run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
