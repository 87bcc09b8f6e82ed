using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The generator, its roll-out copy (updated slowly from it during the adversarial phase) and the discriminator of one
/// run, as one module so that one checkpoint holds them all.
/// </summary>
public sealed class SeqGanModel : nn.Module
{
    public SeqGanModel(SeqGanRunConfig config) : base(nameof(SeqGanModel))
    {
        generator = new SeqGanGenerator(config.Vocabulary, config.Embedding, config.Hidden);
        rollout = new SeqGanGenerator(config.Vocabulary, config.Embedding, config.Hidden);
        discriminator = new SeqGanDiscriminator(config.Vocabulary, config.DiscriminatorEmbedding, config.Widths, config.Filters, config.Dropout);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(generator), generator);
        register_module(nameof(rollout), rollout);
        register_module(nameof(discriminator), discriminator);
        foreach (var p in rollout.parameters()) p.requires_grad = false;
        CopyToRollout(0);
    }

    public SeqGanGenerator generator { get; }

    public SeqGanGenerator rollout { get; }

    public SeqGanDiscriminator discriminator { get; }

    /// <summary>The roll-out copy becomes <paramref name="keep"/> × itself + (1 − keep) × the generator (0: the generator's weights).</summary>
    public void CopyToRollout(double keep)
    {
        using var noGrad = torch.no_grad();
        var source = generator.state_dict();
        foreach (var (name, target) in rollout.state_dict())
            {
            using var keepScalar = keep.ToScalar();
            using var rest = (1 - keep).ToScalar();
            target.mul_(keepScalar).add_(source[name], rest);
        }
    }
}
