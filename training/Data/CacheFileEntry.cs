namespace Euterpe.Training.Data;

/// <summary>One file of a cache: its path relative to the data folder, its split, and its pieces.</summary>
public sealed record CacheFileEntry(string Path, string Split, IReadOnlyList<CachePieceEntry> Pieces);
