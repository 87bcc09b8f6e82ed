using System.Globalization;
using System.Reflection;
using Euterpe.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch.Serialization;

/// <summary>
/// A TorchSharp optimizer's state as checkpoint entries: per parameter i, each state tensor as "state.{i}.{name}"
/// (exp_avg, exp_avg_sq for Adam; square_avg for RMSprop ...) and each step counter as metadata, plus the learning rate
/// and the optimizer's type. The names are the public fields of TorchSharp's per-parameter state, so any of its
/// optimizers round-trips; restoring copies into the optimizer's own tensors, checking names and shapes.
/// </summary>
public static class OptimizerStateEntries
{
    public static IEnumerable<KeyValuePair<string, Tensor>> Tensors(optim.Optimizer optimizer)
    {
        var states = States(optimizer);
        for (var i = 0; i < states.Count; i++)
            foreach (var field in TensorFields(states[i]))
                if (field.GetValue(states[i]) is Tensor t) yield return new($"state.{i}.{field.Name}", t);
    }

    public static Dictionary<string, string> Metadata(optim.Optimizer optimizer)
    {
        var metadata = new Dictionary<string, string>
        {
            ["type"] = TypeName(optimizer),
            ["lr"] = LearningRate(optimizer).ToString("R", CultureInfo.InvariantCulture),
        };
        var states = States(optimizer);
        for (var i = 0; i < states.Count; i++)
            foreach (var field in CounterFields(states[i]))
                metadata[$"state.{i}.{field.Name}"] = Convert.ToString(field.GetValue(states[i]), CultureInfo.InvariantCulture)!;
        return metadata;
    }

    /// <summary>Restores what <see cref="Tensors"/> and <see cref="Metadata"/> saved; a mismatch raises <see cref="EuterpeException"/>.</summary>
    public static void Restore(optim.Optimizer optimizer, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.GetValueOrDefault("type") is { } type && type != TypeName(optimizer))
            throw new EuterpeException($"optimizer state is {type}'s, this run uses {TypeName(optimizer)}");
        using var noGrad = torch.no_grad();
        var states = States(optimizer);
        for (var i = 0; i < states.Count; i++)
        {
            foreach (var field in TensorFields(states[i]))
            {
                if (field.GetValue(states[i]) is not Tensor own) continue;
                var key = $"state.{i}.{field.Name}";
                if (!tensors.TryGetValue(key, out var saved)) throw new EuterpeException($"optimizer state: {key} is missing");
                if (!own.shape.SequenceEqual(saved.shape)) throw new EuterpeException($"optimizer state: {key} has shape [{string.Join(", ", saved.shape)}], the run needs [{string.Join(", ", own.shape)}]");
                own.copy_(saved);
            }
            foreach (var field in CounterFields(states[i]))
            {
                var key = $"state.{i}.{field.Name}";
                if (!metadata.TryGetValue(key, out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    throw new EuterpeException($"optimizer state: {key} is missing or not a number");
                field.SetValue(states[i], value);
            }
        }
        if (!metadata.TryGetValue("lr", out var lrText) || !double.TryParse(lrText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lr))
            throw new EuterpeException("optimizer state: lr is missing or not a number");
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }

    /// <summary>The TorchSharp optimizer the state belongs to ("Adam" for <see cref="Optimizers.GcSafeAdam"/> too: same state).</summary>
    private static string TypeName(optim.Optimizer optimizer)
    {
        var type = optimizer.GetType();
        while (type.Namespace != typeof(TorchSharp.Modules.Adam).Namespace && type.BaseType is { } parent) type = parent;
        return type.Name;
    }

    private static double LearningRate(optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;

    private static List<TorchSharp.Modules.OptimizerState> States(optim.Optimizer optimizer) => optimizer switch
    {
        TorchSharp.Modules.OptimizerHelper managed => managed.state_dict().State,
        _ => throw new EuterpeException($"{optimizer.GetType().Name}: its state cannot be checkpointed"),
    };

    private static IEnumerable<FieldInfo> TensorFields(TorchSharp.Modules.OptimizerState state) =>
        state.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => typeof(Tensor).IsAssignableFrom(f.FieldType)).OrderBy(f => f.Name, StringComparer.Ordinal);

    private static IEnumerable<FieldInfo> CounterFields(TorchSharp.Modules.OptimizerState state) =>
        state.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => f.FieldType == typeof(long)).OrderBy(f => f.Name, StringComparer.Ordinal);
}
