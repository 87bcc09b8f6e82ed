using System.Globalization;
using Euterpe.Core;
using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Optim;

namespace Euterpe.Training.Torch.Serialization;

/// <summary>
/// A training checkpoint in one safetensors file: model weights under "model.", optimizer state tensors under "optim.",
/// and in __metadata__ the step, the run's config JSON and the optimizer's scalars (prefixed "optim."). PyTorch users
/// read the "model." tensors straight into a state_dict.
/// </summary>
public static class TrainingCheckpoint
{
    public const string FormatName = "euterpe-checkpoint-1";

    public static void Save(string path, Module model, Optimizer? optimizer, long step, string configJson)
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
            foreach (var (k, v) in optimizer.StateTensors()) tensors.Add(new("optim." + k, v));
            foreach (var (k, v) in optimizer.StateMetadata()) metadata["optim." + k] = v;
        }
        Safetensors.Save(path, tensors, metadata);
    }

    /// <summary>Loads weights (and optimizer state when given) in place; returns the step and config JSON.</summary>
    public static (long step, string configJson) Load(string path, Module model, Optimizer? optimizer)
    {
        var (tensors, metadata) = Safetensors.Load(path);
        try
        {
            if (!metadata.TryGetValue("format", out var format) || format != FormatName)
                throw new EuterpeException($"{path}: not a Euterpe training checkpoint (format '{format}')");
            if (!metadata.TryGetValue("step", out var stepText) || !long.TryParse(stepText, CultureInfo.InvariantCulture, out var step))
                throw new EuterpeException($"{path}: checkpoint has no valid step");
            var weights = Strip(tensors, "model.");
            try
            {
                model.load_state_dict(weights);
            }
            catch (TorchException e)
            {
                throw new EuterpeException($"{path}: weights do not fit the model ({e.Message})");
            }
            if (optimizer != null)
            {
                var optimMeta = metadata.Where(kv => kv.Key.StartsWith("optim.", StringComparison.Ordinal))
                    .ToDictionary(kv => kv.Key["optim.".Length..], kv => kv.Value);
                try
                {
                    optimizer.load_state(Strip(tensors, "optim."), optimMeta);
                }
                catch (TorchException e)
                {
                    throw new EuterpeException($"{path}: optimizer state does not fit ({e.Message})");
                }
            }
            return (step, metadata.GetValueOrDefault("config", "{}"));
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static Dictionary<string, Tensor> Strip(Dictionary<string, Tensor> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
