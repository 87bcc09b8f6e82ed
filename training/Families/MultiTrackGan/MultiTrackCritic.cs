using Euterpe.Core.Encoding;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// The multi-track WGAN-GP's critic: convolutions 4×4 stride 2 from the 17 tracks (→ 16 × 32 × 64, → 32 × 16 × 32),
/// self-attention over those 512 positions, → 64 × 8 × 16, → 64 × 4 × 8, each convolution followed by a norm and
/// PReLU, then a linear score (no sigmoid). The norm is layer norm (GroupNorm with one group: each clip normalised over
/// its own channels and positions), not the source's batch norm: the gradient penalty is taken per clip, and batch
/// norm would make a clip's score depend on the others in its batch (WGAN-GP's paper advises against it for that reason).
/// </summary>
public sealed class MultiTrackCritic : nn.Module
{
    public MultiTrackCritic() : base(nameof(MultiTrackCritic))
    {
        conv1 = Down(MultiTrackEncoding.Tracks, 16);
        norm1 = LayerNorm(16);
        act1 = nn.PReLU(1, 0.25);
        conv2 = Down(16, 32);
        norm2 = LayerNorm(32);
        act2 = nn.PReLU(1, 0.25);
        attention = new SelfAttention(32);
        conv3 = Down(32, 64);
        norm3 = LayerNorm(64);
        act3 = nn.PReLU(1, 0.25);
        conv4 = Down(64, 64);
        norm4 = LayerNorm(64);
        act4 = nn.PReLU(1, 0.25);
        score = nn.Linear(64 * (MultiTrackEncoding.Steps / 16) * (MultiTrackEncoding.Pitches / 16), 1);
        register_module(nameof(conv1), conv1);
        register_module(nameof(norm1), norm1);
        register_module(nameof(act1), act1);
        register_module(nameof(conv2), conv2);
        register_module(nameof(norm2), norm2);
        register_module(nameof(act2), act2);
        register_module(nameof(attention), attention);
        register_module(nameof(conv3), conv3);
        register_module(nameof(norm3), norm3);
        register_module(nameof(act3), act3);
        register_module(nameof(conv4), conv4);
        register_module(nameof(norm4), norm4);
        register_module(nameof(act4), act4);
        register_module(nameof(score), score);
    }

    public Conv2d conv1 { get; }
    public GroupNorm norm1 { get; }
    public PReLU act1 { get; }
    public Conv2d conv2 { get; }
    public GroupNorm norm2 { get; }
    public PReLU act2 { get; }
    public SelfAttention attention { get; }
    public Conv2d conv3 { get; }
    public GroupNorm norm3 { get; }
    public PReLU act3 { get; }
    public Conv2d conv4 { get; }
    public GroupNorm norm4 { get; }
    public PReLU act4 { get; }
    public Linear score { get; }

    /// <summary>The score of each clip x [B, 17, 64, 128]: [B], higher for clips the critic takes for real.</summary>
    public Tensor Scores(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        x = act1.forward(norm1.forward(conv1.forward(x)));
        x = act2.forward(norm2.forward(conv2.forward(x)));
        x = attention.Attend(x);
        x = act3.forward(norm3.forward(conv3.forward(x)));
        x = act4.forward(norm4.forward(conv4.forward(x)));
        return score.forward(x.flatten(1)).squeeze(-1).MoveToOuterDisposeScope();
    }

    // TorchSharp leaves GroupNorm's affine weight and bias uninitialised (seen: values near 1e-22, which silence the
    // critic): set them to PyTorch's 1 and 0.
    private static GroupNorm LayerNorm(int channels)
    {
        var norm = nn.GroupNorm(1, channels);
        using (torch.no_grad())
        {
            norm.weight!.fill_(1.0);
            norm.bias!.zero_();
        }
        return norm;
    }

    private static Conv2d Down(int input, int output) => nn.Conv2d(input, output, (4, 4), stride: (2, 2), padding: (1, 1));
}
