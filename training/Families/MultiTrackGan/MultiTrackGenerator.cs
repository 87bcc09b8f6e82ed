using Euterpe.Core.Encoding;
using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// The multi-track WGAN-GP's generator: z [B, latent] → fully connected → (128, 4, 8) → transposed convolutions 4×4
/// stride 2 (→ 64 × 8 × 16, → 32 × 16 × 32), self-attention over those 512 positions, → 16 × 32 × 64, → 17 × 64 × 128;
/// batch norm and PReLU after the fully connected layer and every transposed convolution but the last; a sigmoid
/// output in [0, 1]. Channels are the 17 family tracks, rows time steps, columns pitches (<see cref="MultiTrackEncoding"/>).
/// The widths are small so that a CPU trains it (a step of batch 16 in seconds).
/// </summary>
public sealed class MultiTrackGenerator : nn.Module
{
    public const int Channels = 128, Rows = 4, Columns = 8;

    /// <summary>Channels where the self-attention sits (after two transposed convolutions).</summary>
    public const int AttentionChannels = 32;

    public MultiTrackGenerator(int latent) : base(nameof(MultiTrackGenerator))
    {
        Latent = latent;
        fc = nn.Linear(latent, Channels * Rows * Columns);
        bn0 = UntrackedBatchNorm.Of2d(Channels);
        act0 = nn.PReLU(1, 0.25);
        up1 = Up(Channels, 64);
        bn1 = UntrackedBatchNorm.Of2d(64);
        act1 = nn.PReLU(1, 0.25);
        up2 = Up(64, AttentionChannels);
        bn2 = UntrackedBatchNorm.Of2d(AttentionChannels);
        act2 = nn.PReLU(1, 0.25);
        attention = new SelfAttention(AttentionChannels);
        up3 = Up(AttentionChannels, 16);
        bn3 = UntrackedBatchNorm.Of2d(16);
        act3 = nn.PReLU(1, 0.25);
        up4 = Up(16, MultiTrackEncoding.Tracks);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(fc), fc);
        register_module(nameof(bn0), bn0);
        register_module(nameof(act0), act0);
        register_module(nameof(up1), up1);
        register_module(nameof(bn1), bn1);
        register_module(nameof(act1), act1);
        register_module(nameof(up2), up2);
        register_module(nameof(bn2), bn2);
        register_module(nameof(act2), act2);
        register_module(nameof(attention), attention);
        register_module(nameof(up3), up3);
        register_module(nameof(bn3), bn3);
        register_module(nameof(act3), act3);
        register_module(nameof(up4), up4);
    }

    public int Latent { get; }

    public Linear fc { get; }
    public BatchNorm2d bn0 { get; }
    public PReLU act0 { get; }
    public ConvTranspose2d up1 { get; }
    public BatchNorm2d bn1 { get; }
    public PReLU act1 { get; }
    public ConvTranspose2d up2 { get; }
    public BatchNorm2d bn2 { get; }
    public PReLU act2 { get; }
    public SelfAttention attention { get; }
    public ConvTranspose2d up3 { get; }
    public BatchNorm2d bn3 { get; }
    public PReLU act3 { get; }
    public ConvTranspose2d up4 { get; }

    /// <summary>Clips [B, 17, 64, 128] with values in [0, 1] from z [B, latent].</summary>
    public Tensor Clips(Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        var x = act0.forward(bn0.forward(fc.forward(z).view(-1, Channels, Rows, Columns)));
        x = act1.forward(bn1.forward(up1.forward(x)));
        x = act2.forward(bn2.forward(up2.forward(x)));
        x = attention.Attend(x);
        x = act3.forward(bn3.forward(up3.forward(x)));
        return torch.sigmoid(up4.forward(x)).MoveToOuterDisposeScope();
    }

    private static ConvTranspose2d Up(int input, int output) => nn.ConvTranspose2d(input, output, (4, 4), stride: (2, 2), padding: (1, 1));
}
