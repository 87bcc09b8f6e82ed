using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>One context of an n-gram table, the counts of what followed it and (format 2) how many songs it was heard in.</summary>
internal sealed record NGramRow(
    [property: JsonPropertyName("context")] int[] Context,
    [property: JsonPropertyName("next")] int[][] Next,
    [property: JsonPropertyName("documents")] int? Documents = null);
