using System.Text.Json;
using Euterpe.Core;

namespace Euterpe.Training.Runs;

/// <summary>RUN/metrics.json, whatever a trainer records there: written atomically, read back leniently.</summary>
public static class MetricsFile
{
    public const string FileName = "metrics.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static void Save<T>(string runFolder, T metrics) =>
        AtomicFile.WriteAllText(Path.Combine(runFolder, FileName), JsonSerializer.Serialize(metrics, JsonOptions) + "\n");

    /// <summary>The metrics of a run folder, or null when it has none or they do not parse.</summary>
    public static T? TryLoad<T>(string runFolder) where T : class
    {
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
