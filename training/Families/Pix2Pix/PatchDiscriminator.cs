using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Pix2Pix's PatchGAN discriminator, scaled down like the generator (16 channels at first instead of 64): it sees a
/// facade with a roll (3 channels: facade, hole mask, roll) and gives a logit per overlapping patch (70 × 70 cells
/// each): convolutions 4×4 stride 2 (3 → 16 → 32 → 64, 128 → 16 cells a side), then 4×4 stride 1 (64 → 64, 15) and
/// 4×4 stride 1 to one logit (14 × 14 patches); batch norm after all but the first and the last, LeakyReLU 0.2 after
/// all but the last.
/// </summary>
public sealed class PatchDiscriminator : nn.Module
{
    private static readonly Scalar Slope = UNetGenerator.LeakySlope.ToScalar();
    private readonly Conv2d[] _convs;
    private readonly BatchNorm2d?[] _norms;

    public PatchDiscriminator() : base(nameof(PatchDiscriminator))
    {
        (int In, int Out, int Stride, bool Norm)[] layers =
            [(Pix2PixGrid.InputChannels + 1, 16, 2, false), (16, 32, 2, true), (32, 64, 2, true), (64, 64, 1, true), (64, 1, 1, false)];
        _convs = new Conv2d[layers.Length];
        _norms = new BatchNorm2d?[layers.Length];
        for (var i = 0; i < layers.Length; i++)
        {
            var (input, output, stride, norm) = layers[i];
            _convs[i] = nn.Conv2d(input, output, 4, stride: stride, padding: 1);
            register_module($"conv{i}", _convs[i]);
            if (!norm) continue;
            _norms[i] = UntrackedBatchNorm.Of2d(output);
            register_module($"conv{i}_norm", _norms[i]!);
        }
    }

    /// <summary>The patch logits [B, 1, 14, 14] of rolls [B, 128, 128] being real for their facades [B, 2, 128, 128].</summary>
    public Tensor Logits(Tensor facade, Tensor roll)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.cat([facade, roll.unsqueeze(1)], 1);
        for (var i = 0; i < _convs.Length; i++)
        {
            x = _convs[i].forward(x);
            if (_norms[i] is { } norm) x = norm.forward(x);
            if (i < _convs.Length - 1) x = x.leaky_relu(Slope);
        }
        return x.MoveToOuterDisposeScope();
    }
}
