using System.Text.Json;
using Euterpe.Core.IO;

namespace Euterpe.Training.Training;

/// <summary>RUN/metrics.json of an fft-lstm run: config, where it stands, and the loss history (MSE of normalised frames).</summary>
public sealed record FftLstmMetrics
{
    public const string FileName = "metrics.json";

    public FftLstmRunConfig Config { get; init; } = new();
    public long Step { get; init; }
    public double? LastTrainLoss { get; init; }
    /// <summary>Mean squared error of the predicted next frame, per value, in normalised units (1 = predicting the mean).</summary>
    public double? ValidationMse { get; init; }
    public string ValidationUnit { get; init; } = "MSE per value of normalised frames";
    public long TrainFrames { get; init; }
    public long ValidationFrames { get; init; }
    public long Parameters { get; init; }
    public double StepsPerSecond { get; init; }
    public List<LossPoint> History { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public void Save(string runFolder) => AtomicFile.WriteAllText(Path.Combine(runFolder, FileName), JsonSerializer.Serialize(this, JsonOptions) + "\n");

    public static FftLstmMetrics? TryLoad(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<FftLstmMetrics>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
