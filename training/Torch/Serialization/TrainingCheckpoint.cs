using System.Globalization;
using Euterpe.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch.Serialization;

/// <summary>
/// A training checkpoint in one safetensors file: model weights under "model.", optimizer state tensors under "optim.",
/// libtorch's CPU random state as "rng.cpu", and in __metadata__ the step, the run's config JSON and the optimizer's
/// scalars (prefixed "optim."). PyTorch users read the "model." tensors straight into a state_dict. A resume (a load
/// with the optimizer) restores the random state, so that dropout goes on drawing what a run that never stopped draws.
/// </summary>
public static class TrainingCheckpoint
{
    public const string FormatName = "euterpe-checkpoint-1";

    /// <summary>The tensor that holds libtorch's CPU generator state (absent from checkpoints written before it).</summary>
    public const string RandomStateName = "rng.cpu";

    public static void Save(string path, nn.Module model, optim.Optimizer? optimizer, long step, string configJson)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (k, v) in model.state_dict()) tensors.Add(new("model." + k, v));
        var metadata = new Dictionary<string, string>
        {
            ["format"] = FormatName,
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
            ["config"] = configJson,
        };
        if (optimizer != null)
        {
            foreach (var (k, v) in OptimizerStateEntries.Tensors(optimizer)) tensors.Add(new("optim." + k, v));
            foreach (var (k, v) in OptimizerStateEntries.Metadata(optimizer)) metadata["optim." + k] = v;
        }
        using var random = torch.random.get_rng_state();
        tensors.Add(new(RandomStateName, random));
        Safetensors.Save(path, tensors, metadata);
    }

    /// <summary>
    /// Loads weights in place, and when an optimizer is given (a resume) its state and the random state; returns the
    /// step and config JSON.
    /// </summary>
    public static (long step, string configJson) Load(string path, nn.Module model, optim.Optimizer? optimizer)
    {
        var (tensors, metadata) = Safetensors.Load(path);
        try
        {
            if (!metadata.TryGetValue("format", out var format) || format != FormatName)
                throw new EuterpeException($"{path}: not a Euterpe training checkpoint (format '{format}')");
            if (!metadata.TryGetValue("step", out var stepText) || !long.TryParse(stepText, CultureInfo.InvariantCulture, out var step))
                throw new EuterpeException($"{path}: checkpoint has no valid step");
            LoadWeights(path, model, Strip(tensors, "model."));
            if (optimizer != null)
            {
                var optimMeta = metadata.Where(kv => kv.Key.StartsWith("optim.", StringComparison.Ordinal))
                    .ToDictionary(kv => kv.Key["optim.".Length..], kv => kv.Value);
                try
                {
                    OptimizerStateEntries.Restore(optimizer, Strip(tensors, "optim."), optimMeta);
                }
                catch (EuterpeException e)
                {
                    throw new EuterpeException($"{path}: optimizer state does not fit ({e.Message})");
                }
                if (tensors.TryGetValue(RandomStateName, out var random)) torch.random.set_rng_state(random);
            }
            return (step, metadata.GetValueOrDefault("config", "{}"));
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Copies every weight into the model's own tensors; names and shapes must match exactly (a batch norm's dropped counter aside).</summary>
    private static void LoadWeights(string path, nn.Module model, Dictionary<string, Tensor> weights)
    {
        var own = model.state_dict();
        var missing = own.Keys.Where(k => !weights.ContainsKey(k)).ToList();
        // A run saved before its batch norms dropped their step counter (UntrackedBatchNorm) still holds one; nothing reads it.
        var unexpected = weights.Keys.Where(k => !own.ContainsKey(k) && !UntrackedBatchNorm.IsDroppedCounter(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new EuterpeException($"{path}: weights do not fit the model ({Describe("missing", missing)}{(missing.Count > 0 && unexpected.Count > 0 ? "; " : "")}{Describe("unexpected", unexpected)})");
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in own)
        {
            var source = weights[name];
            if (!target.shape.SequenceEqual(source.shape) || target.dtype != source.dtype)
                throw new EuterpeException($"{path}: weights do not fit the model ({name} is {source.dtype} [{string.Join(", ", source.shape)}], the model needs {target.dtype} [{string.Join(", ", target.shape)}])");
            target.copy_(source);
        }
    }

    private static string Describe(string what, List<string> names) =>
        names.Count == 0 ? "" : $"{what}: {string.Join(", ", names.Take(4))}{(names.Count > 4 ? $" and {names.Count - 4} more" : "")}";

    private static Dictionary<string, Tensor> Strip(Dictionary<string, Tensor> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
