using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>One context of an n-gram table and the counts of what followed it.</summary>
internal sealed record NGramRow(
    [property: JsonPropertyName("context")] int[] Context,
    [property: JsonPropertyName("next")] int[][] Next);
