using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// RUN/metrics.json of a wgan-gp run: config, where it stands, the data's size and the curves (<see cref="DcganPoint"/>,
/// as the piano-roll IWGAN fills it: the critic's loss as D, the generator's as G, the mean critic scores of real and
/// generated clips in the probability slots, the shares of cells above the threshold).
/// </summary>
public sealed record MultiTrackMetrics
{
    public MultiTrackRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? CriticLoss { get; init; }
    public double? GeneratorLoss { get; init; }
    public int TrainClips { get; init; }
    public int ValidationClips { get; init; }
    public long GeneratorParameters { get; init; }
    public long CriticParameters { get; init; }
    public double StepsPerSecond { get; init; }
    /// <summary>The learning-rate factor of the last step (the step decay's).</summary>
    public double DecayFactor { get; init; } = 1;
    public List<DcganPoint> History { get; init; } = [];
    /// <summary>The critic's scores of held-out, training and generated clips at each point (none when nothing is held out).</summary>
    public List<MultiTrackHeldOutPoint> HeldOut { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static MultiTrackMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<MultiTrackMetrics>(runFolder);
}
