using System.Text.Json;
using Euterpe.Core;
using Euterpe.Training.Families.EventRnn;

namespace Euterpe.Training.Families.CharRnn;

/// <summary>
/// Everything a char-rnn run was started with; stored in the checkpoint so that --resume and export rebuild the same
/// model and continue the same window sequence (windows derive from <see cref="Seed"/> and the step number).
/// <see cref="Family"/> tells these runs from event-rnn runs, which write the same checkpoint file for the same model.
/// </summary>
public sealed record CharRnnRunConfig
{
    /// <summary>The value of <see cref="Family"/> in every char-rnn run config.</summary>
    public const string FamilyName = "char-rnn";

    public string Family { get; init; } = FamilyName;
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
    public double LearningRate { get; init; } = 2e-3;
    public double ClipNorm { get; init; } = 5.0;
    public ulong Seed { get; init; }
    /// <summary>Dropout between the LSTM layers and before the output layer, in training only (0: none).</summary>
    public double Dropout { get; init; }
    public int ValidationEvery { get; init; } = 100;
    public int CheckpointEvery { get; init; } = 100;
    public string Device { get; init; } = "cpu";
    public string Data { get; init; } = "";
    /// <summary>Mean normalised conditioning vector of the training pieces' melodies (the generator's default controls).</summary>
    public float[] ConditioningMean { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CharRnnRunConfig FromJson(string json, string source)
    {
        try
        {
            // A config without the field would deserialise with its default: only the JSON itself says whose run it is.
            using (var document = JsonDocument.Parse(json))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("family", out var family)
                    || family.ValueKind != JsonValueKind.String || family.GetString() != FamilyName)
                    throw new EuterpeException($"{source}: not a char-rnn run config (its family is not {FamilyName})");
            }
            return JsonSerializer.Deserialize<CharRnnRunConfig>(json, JsonOptions) ?? throw new EuterpeException($"{source}: empty run config");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: not a char-rnn run config ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    public EventRnnConfig ModelConfig() => new(Config, VocabularySize, EmbeddingSize, HiddenSize, Layers, ConditioningSize, Dropout);
}
