using Euterpe.Training.Runs;
namespace Euterpe.Training.Families.FftLstm;

/// <summary>RUN/metrics.json of an fft-lstm run: config, where it stands, and the loss history (MSE of normalised frames).</summary>
public sealed record FftLstmMetrics
{
    public const string FileName = MetricsFile.FileName;

    public FftLstmRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? LastTrainLoss { get; init; }
    /// <summary>Mean squared error of the predicted next frame, per value, in normalised units (1 = predicting the mean).</summary>
    public double? ValidationMse { get; init; }
    /// <summary>Cross-entropy (nats) of the level head's class for the next frame; null without a level head.</summary>
    public double? ValidationLevelCrossEntropy { get; init; }
    public string ValidationUnit { get; init; } = "MSE per value of normalised frames";
    public long TrainFrames { get; init; }
    public long ValidationFrames { get; init; }
    public long Parameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<LossPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    /// <summary>The metrics of a run folder, or null when it has none or they do not parse.</summary>
    public static FftLstmMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<FftLstmMetrics>(runFolder);
}
