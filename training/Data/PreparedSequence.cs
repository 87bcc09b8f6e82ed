namespace Euterpe.Training.Data;

/// <summary>
/// One encoded piece: its <see cref="Tokens"/>; performance and ABC pieces also carry their
/// <see cref="Core.Encoding.ConditioningFeatures"/> (raw layout, 14 values). Melody pieces encoded from music files
/// carry each token's <see cref="Velocities"/> (0 for a rest); a cache does not store them, so pieces read back have none.
/// </summary>
public sealed record PreparedSequence(string Name, string File, int[] Tokens, float[]? Features = null, int[]? Velocities = null);
