using Euterpe.Core;

namespace Euterpe.Training.Data;

/// <summary>The command-line and cache.json names of <see cref="DataEncoding"/> values.</summary>
public static class DataEncodings
{
    public static readonly IReadOnlyList<string> Names = ["performance", "notes"];

    public static string Name(DataEncoding encoding) => encoding switch
    {
        DataEncoding.Performance => "performance",
        _ => "notes",
    };

    public static DataEncoding Parse(string name, string source = "--encoding") => name.ToLowerInvariant() switch
    {
        "performance" => DataEncoding.Performance,
        "notes" => DataEncoding.Notes,
        _ => throw new EuterpeException($"{source}: unknown encoding '{name}' (expected one of: {string.Join(", ", Names)})"),
    };
}
