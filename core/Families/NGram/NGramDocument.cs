namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The saved n-gram model: format version, family, the pitch and duration tables and free-form provenance; format 2
/// adds the velocity table, the training songs per key and the phrase-repeat counts (each optional).
/// </summary>
internal sealed record NGramDocument(
    int FormatVersion, string Family, NGramTable? Pitches, NGramTable? Durations,
    NGramTable? Velocities, int[]? Keys, NGramPhraseCounts? Phrases, object? Metadata);
