using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Families.Refine;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// Everything a refine-net run needs to continue or be exported, stored as JSON in its checkpoint: which net
/// (<see cref="Family"/>: refine-duration or refine-velocity), the LSTM's size, the windows of notes it trains on, the
/// stretch the duration net learns to undo, the split and the data.
/// </summary>
public sealed record RefineRunConfig
{
    public string Family { get; init; } = RefineNetKinds.DurationFamily;
    public int Hidden { get; init; } = 64;
    public int Layers { get; init; } = 1;
    /// <summary>Notes per training window.</summary>
    public int Length { get; init; } = 32;
    /// <summary>Each note's length and each onset gap is stretched by a factor drawn from 1 ± this (the source's 80–120 %).</summary>
    public double Stretch { get; init; } = 0.2;
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public double LearningRate { get; init; } = 2e-3;
    public double ValidationFraction { get; init; } = 0.15;
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";

    public RefineNetKind Kind => RefineNetKinds.FromFamily(Family) ?? throw new EuterpeException($"run config: family \"{Family}\" is not a refine net");

    /// <summary>Refuses values no data could make right, naming the option.</summary>
    public void Check()
    {
        _ = Kind;
        if (Steps < 1) throw new EuterpeException($"--steps {Steps}: must be at least 1");
        if (Batch < 1) throw new EuterpeException($"--batch {Batch}: must be at least 1");
        if (Hidden is < 1 or > 4096) throw new EuterpeException($"--hidden {Hidden}: must be 1…4096");
        if (Layers is < 1 or > 8) throw new EuterpeException($"--layers {Layers}: must be 1…8");
        if (Length is < 2 or > 1024) throw new EuterpeException($"--seq-len {Length}: must be 2…1024");
        if (!(Stretch is >= 0 and < 0.9)) throw new EuterpeException($"--stretch {Stretch}: must be at least 0 and below 0.9");
        if (!(LearningRate > 0)) throw new EuterpeException($"--lr {LearningRate}: must be positive");
        if (!(ValidationFraction is > 0 and < 1)) throw new EuterpeException($"--validation-fraction {ValidationFraction}: must be above 0 and below 1 (the measures need held-out songs)");
        if (Device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {Device}: must be cpu or cuda");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static RefineRunConfig FromJson(string json, string source)
    {
        try
        {
            var config = JsonSerializer.Deserialize<RefineRunConfig>(json, JsonOptions);
            // Other families' configs parse too (every field has a default): only ours name a refine family.
            using var document = JsonDocument.Parse(json);
            if (config is null || !document.RootElement.TryGetProperty("family", out var family) || family.ValueKind != JsonValueKind.String
                || RefineNetKinds.FromFamily(family.GetString() ?? "") is null)
                throw new EuterpeException($"{source}: not a refine-net run config");
            return config;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a refine-net run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }
}
