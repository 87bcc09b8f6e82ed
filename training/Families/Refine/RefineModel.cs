using Euterpe.Core.Families.Refine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// A refine net: each note's features (<see cref="RefineFeatures"/>) → a batch-first LSTM, read note by note in onset
/// order so that it can run as notes arrive → Linear → the correction (two log lengths, or a velocity over 127).
/// Parameter names: lstm.weight_ih_l0 …, output.weight, output.bias.
/// </summary>
public sealed class RefineModel : nn.Module
{
    public RefineModel(RefineRunConfig config) : base(nameof(RefineModel))
    {
        Config = config;
        lstm = nn.LSTM(config.Kind.Inputs(), config.Hidden, config.Layers, batchFirst: true);
        output = nn.Linear(config.Hidden, config.Kind.Outputs());
        register_module(nameof(lstm), lstm);
        register_module(nameof(output), output);
    }

    public RefineRunConfig Config { get; }

    public LSTM lstm { get; }

    public Linear output { get; }

    /// <param name="features">float [batch, notes, inputs].</param>
    /// <returns>float [batch, notes, outputs].</returns>
    public Tensor forward(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var (y, _, _) = lstm.forward(features);
        return output.forward(y).MoveToOuterDisposeScope();
    }
}
