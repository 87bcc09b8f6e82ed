namespace Euterpe.Core.Presets;

/// <summary>Where a model came from: its data, training length, validation results, date and trainer.</summary>
public sealed class ManifestProvenance
{
    public string Data { get; set; } = "";
    public long Steps { get; set; }
    public Dictionary<string, double> ValidationMetrics { get; set; } = [];
    public DateTimeOffset? Date { get; set; }
    public string TrainerVersion { get; set; } = "";
}
