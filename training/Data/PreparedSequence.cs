namespace Euterpe.Training.Data;

/// <summary>
/// One encoded piece. Token encodings fill <see cref="Tokens"/>; piano rolls fill <see cref="Windows"/>
/// (<see cref="WindowCount"/> × steps × 128, row-major) and leave the tokens empty; performance pieces also carry
/// their <see cref="Core.Encoding.ConditioningFeatures"/> (raw layout, 14 values).
/// </summary>
public sealed record PreparedSequence(string Name, string File, int[] Tokens, float[]? Features = null, float[]? Windows = null, int WindowCount = 0);
