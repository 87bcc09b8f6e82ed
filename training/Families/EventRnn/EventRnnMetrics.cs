using Euterpe.Training.Runs;
namespace Euterpe.Training.Families.EventRnn;

/// <summary>RUN/metrics.json: the run's config, where it stands and its loss history (nats per token).</summary>
public sealed record EventRnnMetrics
{
    public const string FileName = MetricsFile.FileName;

    public EventRnnRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? LastTrainLoss { get; init; }
    public double? ValidationCrossEntropy { get; init; }
    public string ValidationUnit { get; init; } = "nats/token";
    public int TrainPieces { get; init; }
    public long TrainTokens { get; init; }
    public int ValidationPieces { get; init; }
    public long ValidationTokens { get; init; }
    public double ValidationSeconds { get; init; }
    /// <summary>NOTE_ON events in the validation pieces.</summary>
    public long ValidationNotes { get; init; }
    /// <summary>Validation cross-entropy × tokens / seconds of music: comparable across encodings.</summary>
    public double? ValidationNatsPerSecond { get; init; }
    /// <summary>Validation cross-entropy × tokens / notes: all events of the piece charged to its notes (polyphonic, with timing and velocity).</summary>
    public double? ValidationNatsPerNote { get; init; }
    public double StepsPerSecond { get; init; }
    public List<LossPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    /// <summary>The metrics of a run folder, or null when it has none or they do not parse.</summary>
    public static EventRnnMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<EventRnnMetrics>(runFolder);
}
