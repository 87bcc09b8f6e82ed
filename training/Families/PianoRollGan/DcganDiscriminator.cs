using Euterpe.Core.Encoding;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// The piano-roll DCGAN's discriminator: convolution 4×2 (stride 4×2, → 32 × 96 × 64), 4×4 (stride 2, → 64 × 48 × 32)
/// and 4×4 (stride 2, → 128 × 24 × 16), each followed by the leaky activation (negatives divided by 3) and dropout
/// 0.3, then a fully connected logit; its sigmoid (inside the loss) is the probability that a roll is real.
/// </summary>
public sealed class DcganDiscriminator : nn.Module
{
    public DcganDiscriminator(double dropout) : base(nameof(DcganDiscriminator))
    {
        conv1 = nn.Conv2d(1, 32, (4, 2), stride: (4, 2));
        conv2 = nn.Conv2d(32, 64, (4, 4), stride: (2, 2), padding: (1, 1));
        conv3 = nn.Conv2d(64, 128, (4, 4), stride: (2, 2), padding: (1, 1));
        drop = nn.Dropout(dropout);
        logit = nn.Linear(128 * (PianoRollEncoding.Steps / 16) * (PianoRollEncoding.Pitches / 8), 1);
        register_module(nameof(conv1), conv1);
        register_module(nameof(conv2), conv2);
        register_module(nameof(conv3), conv3);
        register_module(nameof(drop), drop);
        register_module(nameof(logit), logit);
    }

    public Conv2d conv1 { get; }
    public Conv2d conv2 { get; }
    public Conv2d conv3 { get; }
    public Dropout drop { get; }
    public Linear logit { get; }

    /// <summary>The logit of each roll x [B, 1, 384, 128] being real: [B].</summary>
    public Tensor Logits(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        x = drop.forward(Leaky(conv1.forward(x)));
        x = drop.forward(Leaky(conv2.forward(x)));
        x = drop.forward(Leaky(conv3.forward(x)));
        return logit.forward(x.flatten(1)).squeeze(-1).MoveToOuterDisposeScope();
    }

    private static Tensor Leaky(Tensor x) => DcganGenerator.Leaky(x);
}
