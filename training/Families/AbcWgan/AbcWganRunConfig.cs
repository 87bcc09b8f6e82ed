using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// Everything an abc-wgan run needs to continue or be exported, stored as JSON in its checkpoint: sizes of the
/// generator and critic, the WGAN-GP schedule (critic steps per generator step, λ), the curriculum, the share of each
/// batch the generator writes with teacher help, and the data. <see cref="Family"/> tells these runs apart from others.
/// </summary>
public sealed record AbcWganRunConfig
{
    public const string FamilyName = "abc-wgan";

    public string Family { get; init; } = FamilyName;
    public int Vocabulary { get; init; }
    /// <summary>Width of the character embedding the generator reads (its next input is the embedding-weighted distribution).</summary>
    public int Embedding { get; init; } = 32;
    /// <summary>Units of the generator's GRU: also the size of the noise z it starts from.</summary>
    public int Hidden { get; init; } = 128;
    public int CriticHidden { get; init; } = 128;
    /// <summary>The longest sequence trained (the source's 64 characters).</summary>
    public int MaxLength { get; init; } = 64;
    /// <summary>Generator steps per length increase from 1 to <see cref="MaxLength"/>; 0 trains at the full length from the start.</summary>
    public int Curriculum { get; init; } = 50;
    public int CriticSteps { get; init; } = 5;
    /// <summary>Fraction of each batch written with teacher help: i−1 real characters in, the generator's i-th out, for every i.</summary>
    public double TeacherFraction { get; init; } = 0.5;
    public double GradientPenalty { get; init; } = 10;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double LearningRate { get; init; } = 5e-4;
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 50;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    /// <summary>Rows of a batch the generator writes freely (the rest are teacher-helped); at least one.</summary>
    public int FreeRows => Math.Max(1, Batch - (int)Math.Round(Batch * TeacherFraction));

    /// <summary>The sequence length trained at a (1-based) generator step.</summary>
    public int LengthAt(long step) => Curriculum <= 0 ? MaxLength : (int)Math.Min(MaxLength, 1 + (step - 1) / Curriculum);

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch < 2) throw new EuterpeException($"--batch {Batch}: must be at least 2");
        if (Hidden is < 1 or > 4096) throw new EuterpeException($"--hidden {Hidden}: must be 1…4096");
        if (CriticHidden is < 1 or > 4096) throw new EuterpeException($"--critic-hidden {CriticHidden}: must be 1…4096");
        if (Embedding is < 1 or > 4096) throw new EuterpeException($"--embedding {Embedding}: must be 1…4096");
        if (MaxLength is < 1 or > 1024) throw new EuterpeException($"--max-length {MaxLength}: must be 1…1024");
        if (Curriculum < 0) throw new EuterpeException($"--curriculum {Curriculum}: must be 0 (no curriculum) or a number of steps");
        if (CriticSteps < 1) throw new EuterpeException($"--critic-steps {CriticSteps}: must be at least 1");
        if (!(TeacherFraction is >= 0 and < 1)) throw new EuterpeException($"--teacher {TeacherFraction}: must be at least 0 and below 1");
        if (!(GradientPenalty >= 0)) throw new EuterpeException($"--lambda {GradientPenalty}: must be zero or positive");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(ValidationFraction is >= 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be at least 0 and below 1");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static AbcWganRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<AbcWganRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name the family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || family.GetString() != FamilyName || config.Vocabulary < 2)
                throw new EuterpeException($"{source}: not an abc-wgan run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not an abc-wgan run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
