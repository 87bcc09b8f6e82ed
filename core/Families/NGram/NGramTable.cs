using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>The JSON form of one n-gram distribution: rows of context → [[symbol, count], …], and the pruning threshold.</summary>
internal sealed record NGramTable(
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("vocabularySize")] int VocabularySize,
    [property: JsonPropertyName("rows")] NGramRow[] Rows,
    [property: JsonPropertyName("minDocuments")] int? MinDocuments = null);
