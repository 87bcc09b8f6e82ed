namespace Euterpe.Training.Data;

/// <summary>Where one piece lives: shard, index inside it, and length in tokens (or windows for piano rolls).</summary>
public sealed record CachePieceEntry(string Name, string Shard, int Index, long Length);
