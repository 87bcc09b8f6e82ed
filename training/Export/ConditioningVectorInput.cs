using Euterpe.Core.Presets;

namespace Euterpe.Training.Export;

/// <summary>
/// The manifest entry of a token model's one conditioning vector (the event RNN's and the Char-RNN's 14 features):
/// normalised values, its default the corpus-mean density, the whole mean vector kept in the model's metadata.
/// </summary>
public static class ConditioningVectorInput
{
    public static ConditioningInput Create(string name, string displayName, float[] mean, int size, string meanMetadataKey) => new()
    {
        Name = name,
        DisplayName = displayName,
        Min = 0, Max = 1,
        Default = Math.Round(mean.Length > 12 ? mean[12] : 0, 6),
        Unit = "normalised (default: corpus-mean density; full mean vector in model metadata " + meanMetadataKey + ")",
        Shape = [1, size],
    };
}
