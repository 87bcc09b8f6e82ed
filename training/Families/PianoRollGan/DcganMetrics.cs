using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>RUN/metrics.json of a dcgan run: config, where it stands, the data's size and the curves (<see cref="DcganPoint"/>).</summary>
public sealed record DcganMetrics
{
    public DcganRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? DiscriminatorLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public int TrainClips { get; init; }
    public int ValidationClips { get; init; }
    public long GeneratorParameters { get; init; }
    public long DiscriminatorParameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<DcganPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static DcganMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<DcganMetrics>(runFolder);
}
