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
        RegisterComponents();
    }

    public AbcWganGenerator generator { get; }

    public AbcWganCritic critic { get; }
}
