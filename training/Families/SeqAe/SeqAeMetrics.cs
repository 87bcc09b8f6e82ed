using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>RUN/metrics.json of a seq-ae run: config, where it stands, the data's size, the held-out measures and the curves (<see cref="SeqAePoint"/>).</summary>
public sealed record SeqAeMetrics
{
    public SeqAeRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public int TrainPieces { get; init; }
    public long TrainWindows { get; init; }
    public int ValidationPieces { get; init; }
    public long Parameters { get; init; }
    public double StepsPerSecond { get; init; }
    /// <summary>The held-out measures at the last point: L_rec, L_rec^bin, the mean Hamming distance between consecutive codes.</summary>
    public SeqAeMeasures? HeldOut { get; init; }
    public List<SeqAePoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static SeqAeMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<SeqAeMetrics>(runFolder);
}
