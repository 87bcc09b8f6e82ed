using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.CharRnn;

/// <summary>RUN/metrics.json of a char-rnn run: its config, where it stands and its loss history (nats per character).</summary>
public sealed record CharRnnMetrics
{
    public CharRnnRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? LastTrainLoss { get; init; }
    public double? ValidationCrossEntropy { get; init; }
    public string ValidationUnit { get; init; } = "nats/character";
    /// <summary>ln(vocabulary): the cross-entropy of guessing every character uniformly, what any learning must beat.</summary>
    public double RandomBaseline { get; init; }
    public int TrainPieces { get; init; }
    /// <summary>Tokens of the training pieces, their two tune edges included.</summary>
    public long TrainTokens { get; init; }
    public int ValidationPieces { get; init; }
    /// <summary>Predicted tokens of the validation pieces (each piece's tokens but its first).</summary>
    public long ValidationTokens { get; init; }
    /// <summary>Notes the validation pieces' text plays (a tie joins two written notes into one).</summary>
    public long ValidationNotes { get; init; }
    /// <summary>Validation tokens per note: what a character-level cross-entropy is multiplied by to compare with per-note models.</summary>
    public double? CharactersPerNote { get; init; }
    /// <summary>Validation cross-entropy × tokens / notes.</summary>
    public double? ValidationNatsPerNote { get; init; }
    public double StepsPerSecond { get; init; }
    public List<LossPoint> History { get; init; } = [];

    public void Save(string runFolder) => MetricsFile.Save(runFolder, this);

    /// <summary>The metrics of a run folder, or null when it has none or they do not parse.</summary>
    public static CharRnnMetrics? TryLoad(string runFolder) => MetricsFile.TryLoad<CharRnnMetrics>(runFolder);
}
