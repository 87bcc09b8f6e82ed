namespace Euterpe.Training.Data;

/// <summary>Totals of one split: files, pieces, tokens and its shards.</summary>
public sealed record CacheSplitSummary(int Files, int Pieces, long Tokens, IReadOnlyList<string> Shards);
