using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>RUN/metrics.json of an rnn-gan run: config, where it stands, the data's size, the collapse measures and the curves (<see cref="RnnGanPoint"/>).</summary>
public sealed record RnnGanMetrics
{
    public RnnGanRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? DiscriminatorLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public int TrainPieces { get; init; }
    public long TrainWindows { get; init; }
    public int ValidationPieces { get; init; }
    public long GeneratorParameters { get; init; }
    public long DiscriminatorParameters { get; init; }
    public double StepsPerSecond { get; init; }
    /// <summary>The collapse measures of the generator's samples at the last point.</summary>
    public RnnGanCollapse? Collapse { get; init; }
    /// <summary>The same measures of real training windows, for comparison.</summary>
    public RnnGanCollapse? DataCollapse { get; init; }
    public List<RnnGanPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static RnnGanMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<RnnGanMetrics>(runFolder);
}
