namespace Euterpe.Core.Inference.Manifests;

/// <summary>Where a model came from: its data, training length, validation results, date and trainer.</summary>
public sealed class ManifestProvenance
{
    public string Data { get; init; } = "";
    public long Steps { get; init; }
    public Dictionary<string, double> ValidationMetrics { get; init; } = [];
    public DateTimeOffset? Date { get; init; }
    public string TrainerVersion { get; init; } = "";
}
