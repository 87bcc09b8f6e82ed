using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// The WGAN-GP critic over a clip's roll on the sixteenth grid, conditioned on its pitch-class histogram: pitches and
/// the histogram (held at every step) are the channels of three convolutions along time (kernel 4, stride 2: 64 → 32
/// → 16 → 8 steps, 128 channels, each followed by a leaky ReLU of slope 0.2, no normalisation, as WGAN-GP asks), then a
/// linear score. A score, not a probability: higher reads as more real.
/// </summary>
public sealed class DcrnnCritic : nn.Module
{
    public const int Channels = 128;
    private static readonly Scalar Slope = 0.2.ToScalar(); // alive for the process (see GcSafeAdam)

    public DcrnnCritic() : base(nameof(DcrnnCritic))
    {
        conv1 = nn.Conv1d(PianoRollEncoding.Pitches + DcrnnGrid.PitchClasses, Channels, 4, stride: 2, padding: 1);
        conv2 = nn.Conv1d(Channels, Channels, 4, stride: 2, padding: 1);
        conv3 = nn.Conv1d(Channels, Channels, 4, stride: 2, padding: 1);
        score = nn.Linear(Channels * (DcrnnGrid.Steps / 8), 1);
        register_module(nameof(conv1), conv1);
        register_module(nameof(conv2), conv2);
        register_module(nameof(conv3), conv3);
        register_module(nameof(score), score);
    }

    public Conv1d conv1 { get; }
    public Conv1d conv2 { get; }
    public Conv1d conv3 { get; }
    public Linear score { get; }

    /// <summary>The score of each roll [B, 64, 128] with its histogram [B, 12]: [B].</summary>
    public Tensor Scores(Tensor roll, Tensor histogram)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.cat([roll.transpose(1, 2), histogram.unsqueeze(2).expand(-1, -1, DcrnnGrid.Steps)], 1);
        x = conv1.forward(x).leaky_relu(Slope);
        x = conv2.forward(x).leaky_relu(Slope);
        x = conv3.forward(x).leaky_relu(Slope);
        return score.forward(x.flatten(1)).squeeze(-1).MoveToOuterDisposeScope();
    }
}
