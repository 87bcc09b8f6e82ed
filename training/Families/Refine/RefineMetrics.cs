using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Refine;

/// <summary>RUN/metrics.json of a refine-net run: config, where it stands, the data's size, the held-out measures (<see cref="RefineMeasures"/>) and the loss curve.</summary>
public sealed record RefineMetrics
{
    public RefineRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public int TrainFiles { get; init; }
    public int TrainParts { get; init; }
    public long TrainNotes { get; init; }
    public int ValidationFiles { get; init; }
    public int ValidationParts { get; init; }
    public long Parameters { get; init; }
    public double StepsPerSecond { get; init; }
    public RefineMeasures? Measures { get; init; }
    public List<LossPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static RefineMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<RefineMetrics>(runFolder);
}
