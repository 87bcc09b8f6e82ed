using TorchSharp;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>The generator and the critic of one run, as one module so that one checkpoint holds both.</summary>
public sealed class MultiTrackGanModel : torch.nn.Module
{
    public MultiTrackGanModel(MultiTrackRunConfig config) : base(nameof(MultiTrackGanModel))
    {
        generator = new MultiTrackGenerator(config.Latent);
        critic = new MultiTrackCritic();
        register_module(nameof(generator), generator);
        register_module(nameof(critic), critic);
    }

    public MultiTrackGenerator generator { get; }

    public MultiTrackCritic critic { get; }
}
