namespace Euterpe.Training.Data;

/// <summary>
/// One encoded piece: its <see cref="Tokens"/>; performance pieces also carry their
/// <see cref="Core.Encoding.ConditioningFeatures"/> (raw layout, 14 values).
/// </summary>
public sealed record PreparedSequence(string Name, string File, int[] Tokens, float[]? Features = null);
