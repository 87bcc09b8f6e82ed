using TorchSharp;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>The generator and the discriminator of one run, as one module so that one checkpoint holds both.</summary>
public sealed class DcganModel : torch.nn.Module
{
    public DcganModel(DcganRunConfig config) : base(nameof(DcganModel))
    {
        generator = new DcganGenerator(config.Latent);
        discriminator = new DcganDiscriminator(config.Dropout);
        register_module(nameof(generator), generator);
        register_module(nameof(discriminator), discriminator);
    }

    public DcganGenerator generator { get; }

    public DcganDiscriminator discriminator { get; }
}
