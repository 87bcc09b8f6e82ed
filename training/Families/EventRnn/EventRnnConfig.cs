using Euterpe.Core;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Sizes of an <see cref="EventRnnModel"/>: token embedding, LSTM hidden size and depth, vocabulary, and how many
/// conditioning values are concatenated to the embedding at every step (0 = unconditional).
/// </summary>
public sealed record EventRnnConfig(string Name, int VocabularySize, int EmbeddingSize, int HiddenSize, int Layers, int ConditioningSize, double Dropout = 0)
{
    /// <summary>
    /// The named configurations: "small" (2×128, for CPU), "medium" (2×256, what a CPU trains in half an hour) and
    /// "performance" (3×512, Performance RNN's size).
    /// </summary>
    public static readonly IReadOnlyList<string> Names = ["tiny", "small", "medium", "performance"];

    public bool IsConditional => ConditioningSize > 0;

    /// <summary>A named configuration for a vocabulary; "tiny" (1×32) exists for tests.</summary>
    public static EventRnnConfig Named(string name, int vocabularySize, int conditioningSize) => name switch
    {
        "tiny" => new(name, vocabularySize, 16, 32, 1, conditioningSize),
        "small" => new(name, vocabularySize, 64, 128, 2, conditioningSize),
        "medium" => new(name, vocabularySize, 128, 256, 2, conditioningSize),
        "performance" => new(name, vocabularySize, 256, 512, 3, conditioningSize),
        _ => throw new EuterpeException($"--config: unknown configuration '{name}' (known: {string.Join(", ", Names)})"),
    };
}
