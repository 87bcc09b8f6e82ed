using Euterpe.Core.Encoding;
using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// The piano-roll DCGAN's generator: z [B, 100] → fully connected → (256, 6, 8) → transposed convolutions 5×5 (stride 2,
/// → 128 × 12 × 16), 4×4 (stride 2, → 64 × 24 × 32) and two 4×2 (stride 4×2, → 32 × 96 × 64, → 1 × 384 × 128); batch
/// norm after every layer but the last, each followed by the leaky activation that divides negative values by 3; the
/// output is a ReLU clipped to [0, <see cref="PianoRollEncoding.MaxValue"/>]. Rows are time steps, columns pitches.
/// </summary>
public sealed class DcganGenerator : nn.Module
{
    public const int Channels = 256, Rows = 6, Columns = 8;

    /// <summary>The leaky activation's slope below zero: negative values divided by 3.</summary>
    public const double NegativeSlope = 1.0 / 3;

    // Scalars that live as long as the process: a temporary one (an implicit conversion) can be finalized by a garbage
    // collection while libtorch reads it (see GcSafeAdam).
    private static readonly Scalar Slope = NegativeSlope.ToScalar(), Zero = 0.0.ToScalar(), Max = ((double)PianoRollEncoding.MaxValue).ToScalar();

    public DcganGenerator(int latent) : base(nameof(DcganGenerator))
    {
        Latent = latent;
        fc = nn.Linear(latent, Channels * Rows * Columns);
        bn0 = UntrackedBatchNorm.Of2d(Channels);
        up1 = nn.ConvTranspose2d(Channels, 128, (5, 5), stride: (2, 2), padding: (2, 2), output_padding: (1, 1));
        bn1 = UntrackedBatchNorm.Of2d(128);
        up2 = nn.ConvTranspose2d(128, 64, (4, 4), stride: (2, 2), padding: (1, 1));
        bn2 = UntrackedBatchNorm.Of2d(64);
        up3 = nn.ConvTranspose2d(64, 32, (4, 2), stride: (4, 2));
        bn3 = UntrackedBatchNorm.Of2d(32);
        up4 = nn.ConvTranspose2d(32, 1, (4, 2), stride: (4, 2));
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(fc), fc);
        register_module(nameof(bn0), bn0);
        register_module(nameof(up1), up1);
        register_module(nameof(bn1), bn1);
        register_module(nameof(up2), up2);
        register_module(nameof(bn2), bn2);
        register_module(nameof(up3), up3);
        register_module(nameof(bn3), bn3);
        register_module(nameof(up4), up4);
    }

    public int Latent { get; }

    public Linear fc { get; }
    public BatchNorm2d bn0 { get; }
    public ConvTranspose2d up1 { get; }
    public BatchNorm2d bn1 { get; }
    public ConvTranspose2d up2 { get; }
    public BatchNorm2d bn2 { get; }
    public ConvTranspose2d up3 { get; }
    public BatchNorm2d bn3 { get; }
    public ConvTranspose2d up4 { get; }

    /// <summary>The (batch norm, transposed convolution) pairs in order, for the exporter; the last has no batch norm.</summary>
    public IReadOnlyList<(ConvTranspose2d Up, BatchNorm2d? Norm)> Layers => [(up1, bn1), (up2, bn2), (up3, bn3), (up4, null)];

    /// <summary>Rolls [B, 1, 384, 128] with values in [0, 1] from z [B, latent].</summary>
    public Tensor Rolls(Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaky(bn0.forward(fc.forward(z).view(-1, Channels, Rows, Columns)));
        x = Leaky(bn1.forward(up1.forward(x)));
        x = Leaky(bn2.forward(up2.forward(x)));
        x = Leaky(bn3.forward(up3.forward(x)));
        return torch.clamp(nn.functional.relu(up4.forward(x)), Zero, Max).MoveToOuterDisposeScope();
    }

    /// <summary>The leaky activation: negative values divided by 3.</summary>
    public static Tensor Leaky(Tensor x) => x.leaky_relu(Slope);
}
