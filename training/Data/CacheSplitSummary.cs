namespace Euterpe.Training.Data;

/// <summary>Totals of one split: files, pieces, tokens (or piano-roll windows) and its shards.</summary>
public sealed record CacheSplitSummary(int Files, int Pieces, long Tokens, long Windows, IReadOnlyList<string> Shards);
