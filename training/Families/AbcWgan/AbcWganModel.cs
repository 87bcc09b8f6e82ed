using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>The generator and the critic of one run, as one module so that one checkpoint holds both.</summary>
public sealed class AbcWganModel : nn.Module
{
    public AbcWganModel(AbcWganRunConfig config) : base(nameof(AbcWganModel))
    {
        generator = new AbcWganGenerator(config.Vocabulary, config.Embedding, config.Hidden);
        critic = new AbcWganCritic(config.Vocabulary, config.CriticHidden);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(generator), generator);
        register_module(nameof(critic), critic);
    }

    public AbcWganGenerator generator { get; }

    public AbcWganCritic critic { get; }
}
