using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>RUN/metrics.json of a seqgan run: config, where it stands, the data's size, BLEU and held-out likelihood, and the curves (<see cref="SeqGanPoint"/>).</summary>
public sealed record SeqGanMetrics
{
    public SeqGanRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public string Phase { get; init; } = "";
    public double? GeneratorNll { get; init; }
    public double? DiscriminatorLoss { get; init; }
    /// <summary>The generator's held-out negative log-likelihood per token (nats) at the last point.</summary>
    public double? ValidationNll { get; init; }
    /// <summary>
    /// Held-out nats per note, pitch and duration together: the generator's NLL under "vocabulary"; under "ngram" its
    /// pitch NLL plus the n-gram's duration NLL per note.
    /// </summary>
    public double? ValidationNatsPerNote { get; init; }
    /// <summary>BLEU of the generator's samples against the training windows when generator pre-training ended (<see cref="SeqGanBleu"/>).</summary>
    public double? PretrainBleu { get; init; }
    /// <summary>The same at the last point.</summary>
    public double? Bleu { get; init; }
    /// <summary>The "ngram" scheme's duration model: its held-out cross-entropy of durations alone (nats per note).</summary>
    public double? DurationCrossEntropy { get; init; }
    public int TrainPieces { get; init; }
    public long TrainWindows { get; init; }
    public int ValidationPieces { get; init; }
    public long GeneratorParameters { get; init; }
    public long DiscriminatorParameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<SeqGanPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    public static SeqGanMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<SeqGanMetrics>(runFolder);
}
