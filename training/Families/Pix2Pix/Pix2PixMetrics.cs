using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>RUN/metrics.json of a pix2pix run: config, where it stands, the data's size and the curves (<see cref="Pix2PixPoint"/>).</summary>
public sealed record Pix2PixMetrics
{
    public Pix2PixRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? DiscriminatorLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public int TrainClips { get; init; }
    public int ValidationClips { get; init; }
    public long GeneratorParameters { get; init; }
    public long DiscriminatorParameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<Pix2PixPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static Pix2PixMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<Pix2PixMetrics>(runFolder);
}
