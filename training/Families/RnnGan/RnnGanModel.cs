using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>The generator, the discriminator and the replay buffer of one run, as one module so that one checkpoint holds them all.</summary>
public sealed class RnnGanModel : nn.Module
{
    public RnnGanModel(RnnGanRunConfig config) : base(nameof(RnnGanModel))
    {
        generator = new RnnGanGenerator(config.Vocabulary, config.Embedding, config.Noise, config.Hidden);
        discriminator = new RnnGanDiscriminator(config.Vocabulary, config.DiscriminatorHidden);
        replay = new RnnGanReplay(config.Replay * config.Batch, config.Length, config.Vocabulary);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(generator), generator);
        register_module(nameof(discriminator), discriminator);
        register_module(nameof(replay), replay);
    }

    public RnnGanGenerator generator { get; }

    public RnnGanDiscriminator discriminator { get; }

    public RnnGanReplay replay { get; }
}
