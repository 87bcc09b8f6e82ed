using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>RUN/metrics.json of a dcrnn run: config, where it stands, the data's size and the curves (<see cref="DcrnnPoint"/>).</summary>
public sealed record DcrnnMetrics
{
    public DcrnnRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? CriticLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public int TrainClips { get; init; }
    public int ValidationClips { get; init; }
    public long GeneratorParameters { get; init; }
    public long CriticParameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<DcrnnPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static DcrnnMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<DcrnnMetrics>(runFolder);
}
