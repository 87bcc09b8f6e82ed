using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// SAGAN's self-attention over the positions of a feature map [B, C, H, W]: 1×1 convolutions make queries and keys
/// (C / 8 channels) and values (C); each position's output is the values averaged with the softmax of its query's
/// dot products with every key, scaled by a learned gate γ (starting at 0, so the block starts as the identity) and
/// added to the input.
/// </summary>
public sealed class SelfAttention : nn.Module
{
    public SelfAttention(int channels) : base(nameof(SelfAttention))
    {
        KeyChannels = Math.Max(1, channels / 8);
        query = nn.Conv2d(channels, KeyChannels, 1);
        key = nn.Conv2d(channels, KeyChannels, 1);
        value = nn.Conv2d(channels, channels, 1);
        gamma = nn.Parameter(torch.zeros(1));
        register_module(nameof(query), query);
        register_module(nameof(key), key);
        register_module(nameof(value), value);
        register_parameter(nameof(gamma), gamma);
    }

    public int KeyChannels { get; }

    public Conv2d query { get; }
    public Conv2d key { get; }
    public Conv2d value { get; }
    public Parameter gamma { get; }

    public Tensor Attend(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var (b, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var q = query.forward(x).view(b, KeyChannels, h * w).permute(0, 2, 1); // [B, N, C']
        var k = key.forward(x).view(b, KeyChannels, h * w);                    // [B, C', N]
        var attention = torch.bmm(q, k).softmax(-1);                            // [B, N, N]: row i over the keys
        var v = value.forward(x).view(b, c, h * w);                             // [B, C, N]
        var o = torch.bmm(v, attention.permute(0, 2, 1)).view(b, c, h, w);
        return (gamma * o).Plus(x).MoveToOuterDisposeScope();
    }
}
