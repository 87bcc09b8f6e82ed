namespace Euterpe.Core.Families.NGram;

/// <summary>The saved n-gram model: format version, family, both tables and free-form provenance.</summary>
internal sealed record NGramDocument(int FormatVersion, string Family, NGramTable? Pitches, NGramTable? Durations, object? Metadata);
