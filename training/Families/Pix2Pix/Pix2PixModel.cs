using TorchSharp;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>The U-Net generator and the PatchGAN discriminator of one run, as one module so that one checkpoint holds both.</summary>
public sealed class Pix2PixModel : torch.nn.Module
{
    public Pix2PixModel() : base(nameof(Pix2PixModel))
    {
        generator = new UNetGenerator();
        discriminator = new PatchDiscriminator();
        register_module(nameof(generator), generator);
        register_module(nameof(discriminator), discriminator);
    }

    public UNetGenerator generator { get; }

    public PatchDiscriminator discriminator { get; }
}
