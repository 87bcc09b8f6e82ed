using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Encoding;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Everything a run was started with; stored in the checkpoint so that --resume and export rebuild the same model
/// and continue the same window sequence (windows derive from <see cref="Seed"/> and the step number).
/// </summary>
public sealed record EventRnnRunConfig
{
    public string Config { get; init; } = "small";
    public bool Conditional { get; init; }
    public int VocabularySize { get; init; }
    public int EmbeddingSize { get; init; }
    public int HiddenSize { get; init; }
    public int Layers { get; init; }
    public int ConditioningSize { get; init; }
    public long Steps { get; init; }
    public int Batch { get; init; } = 32;
    public int SequenceLength { get; init; } = 128;
    public double LearningRate { get; init; } = 1e-3;
    public double ClipNorm { get; init; } = 3.0;
    /// <summary>Dropout between the LSTM layers and before the output layer, in training only (0: none).</summary>
    public double Dropout { get; init; }
    /// <summary>
    /// Each training window is transposed by a whole number of semitones drawn from −N…N (Performance RNN's
    /// augmentation; 0: none), kept within the encoding's pitch range; the window's conditioning follows it.
    /// </summary>
    public int Transpose { get; init; }
    public ulong Seed { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";
    public PerformanceEncodingOptions Encoding { get; init; } = new();
    /// <summary>Mean normalised conditioning vector of the training pieces (the generator's default controls).</summary>
    public float[] ConditioningMean { get; init; } = [];
    /// <summary>
    /// [low, high] note densities (onsets per second) of the training windows (<see cref="EventRnnTrainer.WindowDensityRange"/>):
    /// the --density values the model was trained on; empty in runs made before it was kept.
    /// </summary>
    public double[] DensityRange { get; init; } = [];
    /// <summary>
    /// The training pieces' pitch-class profile moved to C by each piece's key, and the share of pieces on each tonic
    /// (<see cref="EventRnnCorpusTraits.Keys"/>): generation draws a key per seed from them. Empty in runs made before.
    /// </summary>
    public double[] KeyProfile { get; init; } = [];
    /// <inheritdoc cref="KeyProfile"/>
    public double[] TonicShares { get; init; } = [];
    /// <summary>
    /// The length all but 1 % of the training notes keep within (<see cref="EventRnnCorpusTraits.LongNoteSeconds"/>);
    /// generation makes a note held past it likelier to end. 0 in runs made before it was kept.
    /// </summary>
    public double LongNoteSeconds { get; init; }
    /// <summary>
    /// What the conditioning values describe: "window", the events the model is predicting (many distinct vectors,
    /// so the model learns what the controls mean), or "piece", the whole file (runs before window conditioning).
    /// </summary>
    public string ConditioningScope { get; init; } = PieceScope;

    public const string PieceScope = "piece";
    public const string WindowScope = "window";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static EventRnnRunConfig FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<EventRnnRunConfig>(json, JsonOptions) ?? throw new EuterpeException($"{source}: empty run config");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not an event-rnn run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    public EventRnnConfig ModelConfig() => new(Config, VocabularySize, EmbeddingSize, HiddenSize, Layers, ConditioningSize, Dropout);
}
