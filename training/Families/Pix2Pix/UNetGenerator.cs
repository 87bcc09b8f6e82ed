using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// The Pix2Pix U-Net, scaled down for CPU (base width 16 channels instead of 64, at most 128 instead of 512, seven levels
/// for a 128 × 128 crop instead of eight for 256 × 256). Encoder: convolutions 4×4 stride 2 (2 → 16 → 32 → 64 → 128 →
/// 128 → 128 → 128 channels, 128 → 1 cells a side), each but the first and the innermost followed by batch norm, each
/// input but the first's through LeakyReLU 0.2. Decoder: ReLU, transposed convolution 4×4 stride 2 and batch norm, the
/// result joined (channel concatenation) with the encoder's output of the same size; dropout 0.5 after the three
/// decoder layers below the innermost (Pix2Pix's noise). The last layer's sigmoid gives the roll in [0, 1].
/// </summary>
public sealed class UNetGenerator : nn.Module
{
    /// <summary>Encoder output channels, outermost first.</summary>
    public static readonly int[] Widths = [16, 32, 64, 128, 128, 128, 128];
    /// <summary>Decoder layers (counted from the innermost, 0) followed by dropout.</summary>
    public static readonly int[] DropoutLayers = [1, 2, 3];
    public const double DropoutRate = 0.5;
    public const double LeakySlope = 0.2;

    private static readonly Scalar Slope = LeakySlope.ToScalar();
    private readonly Conv2d[] _down;
    private readonly BatchNorm2d?[] _downNorm;
    private readonly ConvTranspose2d[] _up;
    private readonly BatchNorm2d?[] _upNorm;
    private readonly Dropout _dropout;

    public UNetGenerator() : base(nameof(UNetGenerator))
    {
        var levels = Widths.Length;
        _down = new Conv2d[levels];
        _downNorm = new BatchNorm2d?[levels];
        _up = new ConvTranspose2d[levels];
        _upNorm = new BatchNorm2d?[levels];
        for (var i = 0; i < levels; i++)
        {
            var input = i == 0 ? Pix2PixGrid.InputChannels : Widths[i - 1];
            _down[i] = nn.Conv2d(input, Widths[i], 4, stride: 2, padding: 1);
            register_module($"down{i}", _down[i]);
            if (i > 0 && i < levels - 1)
            {
                _downNorm[i] = UntrackedBatchNorm.Of2d(Widths[i]);
                register_module($"down{i}_norm", _downNorm[i]!);
            }
            // Decoder layer i makes the size of encoder level i - 1 (the last makes the roll) from level i's features
            // (the innermost's alone, the others joined with their skip).
            var upInput = i == levels - 1 ? Widths[i] : 2 * Widths[i];
            var upOutput = i == 0 ? 1 : Widths[i - 1];
            _up[i] = nn.ConvTranspose2d(upInput, upOutput, 4, stride: 2, padding: 1);
            register_module($"up{i}", _up[i]);
            if (i > 0)
            {
                _upNorm[i] = UntrackedBatchNorm.Of2d(upOutput);
                register_module($"up{i}_norm", _upNorm[i]!);
            }
        }
        _dropout = nn.Dropout(DropoutRate);
        register_module("dropout", _dropout);
    }

    public int Levels => Widths.Length;
    public Conv2d Down(int level) => _down[level];
    public BatchNorm2d? DownNorm(int level) => _downNorm[level];
    public ConvTranspose2d Up(int level) => _up[level];
    public BatchNorm2d? UpNorm(int level) => _upNorm[level];

    /// <summary>Whether decoder layer <paramref name="level"/> (its output the size of level − 1) is followed by dropout.</summary>
    public bool HasDropout(int level) => DropoutLayers.Contains(Levels - 1 - level);

    /// <summary>The filled rolls [B, 128, 128] in [0, 1] from facades [B, 2, 128, 128].</summary>
    public Tensor Fill(Tensor facade)
    {
        using var scope = torch.NewDisposeScope();
        var skips = new Tensor[Levels];
        var x = facade;
        for (var i = 0; i < Levels; i++)
        {
            x = _down[i].forward(i == 0 ? x : x.leaky_relu(Slope));
            if (_downNorm[i] is { } norm) x = norm.forward(x);
            skips[i] = x;
        }
        for (var i = Levels - 1; i >= 0; i--)
        {
            var input = i == Levels - 1 ? skips[i] : torch.cat([x, skips[i]], 1);
            x = _up[i].forward(nn.functional.relu(input));
            if (_upNorm[i] is { } norm) x = norm.forward(x);
            if (HasDropout(i)) x = _dropout.forward(x);
        }
        return torch.sigmoid(x).squeeze(1).MoveToOuterDisposeScope();
    }
}
