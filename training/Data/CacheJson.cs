using System.Text.Json;
using System.Text.Json.Serialization;

namespace Euterpe.Training.Data;

/// <summary>The JSON settings of cache.json (camelCase, indented, nulls left out).</summary>
internal static class CacheJson
{
    public const string ManifestName = "cache.json";

    public const string SkippedName = "skipped.txt";

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
