using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>RUN/metrics.json of an abc-wgan run: config, where it stands, the data's size and the curves (<see cref="AbcWganPoint"/>).</summary>
public sealed record AbcWganMetrics
{
    public AbcWganRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public int Length { get; init; }
    public double? CriticLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public double? Wasserstein { get; init; }
    public double? ValidationWasserstein { get; init; }
    public int TrainPieces { get; init; }
    public long TrainWindows { get; init; }
    public int ValidationPieces { get; init; }
    public long GeneratorParameters { get; init; }
    public long CriticParameters { get; init; }
    public double StepsPerSecond { get; init; }
    /// <summary>Character BLEU of <see cref="AbcWganBleu.Samples"/> samples of the full length against the training windows, at the last step (<see cref="AbcWganBleu"/>).</summary>
    public double? Bleu { get; init; }
    /// <summary>The samples BLEU was measured on, as text.</summary>
    public List<string> Samples { get; init; } = [];
    public List<AbcWganPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static AbcWganMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<AbcWganMetrics>(runFolder);
}
