using System.Text.Json;
using Euterpe.Core;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Runs;

/// <summary>What every trainer's run folder shares: one checkpoint whose metadata holds the run config as JSON.</summary>
public static class RunFolder
{
    public const string CheckpointFileName = "checkpoint.safetensors";
    public const string LossCurveFileName = "loss.svg";

    /// <summary>The run config JSON stored in a checkpoint.</summary>
    public static string ReadConfigJson(string checkpointPath)
    {
        if (!File.Exists(checkpointPath)) throw new EuterpeException($"{checkpointPath}: file not found");
        return Safetensors.ReadMetadata(checkpointPath).TryGetValue("config", out var json) ? json : throw new EuterpeException($"{checkpointPath}: checkpoint has no config");
    }

    /// <summary>
    /// The "family" field of the run config in a run folder's checkpoint (families that share the checkpoint's file name
    /// tell their runs apart by it), or null when there is no checkpoint, no such field, or it cannot be read.
    /// </summary>
    public static string? ConfigFamily(string runFolder)
    {
        var path = Path.Combine(runFolder, CheckpointFileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var config = JsonDocument.Parse(ReadConfigJson(path));
            return config.RootElement.ValueKind == JsonValueKind.Object && config.RootElement.TryGetProperty("family", out var family)
                && family.ValueKind == JsonValueKind.String ? family.GetString() : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException) // an unreadable checkpoint is no family's; its own export says what is wrong
        {
            return null;
        }
    }

    /// <summary>Creates the folder for a new run (refusing one that holds a checkpoint) or checks there is one to resume; returns the checkpoint path.</summary>
    public static string Open(string runFolder, bool resume)
    {
        if (File.Exists(runFolder)) throw new EuterpeException($"{runFolder}: is a file, not a folder");
        Directory.CreateDirectory(runFolder);
        var checkpointPath = Path.Combine(runFolder, CheckpointFileName);
        if (resume && !File.Exists(checkpointPath)) throw new EuterpeException($"{runFolder}: nothing to resume (no {CheckpointFileName})");
        AtomicFile.RemoveAbandoned(runFolder); // half-written files of a killed run; the files they were replacing are whole
        if (!resume && File.Exists(checkpointPath))
            throw new EuterpeException($"{runFolder}: already holds a checkpoint; pass --resume to continue it or choose another --out");
        return checkpointPath;
    }

    /// <summary>
    /// Saves a run at a step, each file atomically: the checkpoint (weights, optimizer state, step, config), then the
    /// metrics (<paramref name="saveMetrics"/> writes metrics.json into the folder) and the loss curve.
    /// </summary>
    public static void Save(string runFolder, nn.Module model, optim.Optimizer optimizer, long step, string configJson, Action<string> saveMetrics,
        IReadOnlyList<LossPoint> history, string curveTitle)
    {
        TrainingCheckpoint.Save(Path.Combine(runFolder, CheckpointFileName), model, optimizer, step, configJson);
        saveMetrics(runFolder);
        AtomicFile.WriteAllText(Path.Combine(runFolder, LossCurveFileName), LossCurveSvg.Render(history, curveTitle));
    }

    /// <summary>Loads a run's final weights into <paramref name="model"/> (disposed if that fails) and puts it in eval mode.</summary>
    public static (T Model, long Step) LoadModel<T>(string runFolder, T model) where T : nn.Module
    {
        try
        {
            var (step, _) = TrainingCheckpoint.Load(Path.Combine(runFolder, CheckpointFileName), model, null);
            model.eval();
            return (model, step);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
