using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// The RNN-GAN's discriminator: an LSTM over token distributions (one-hot for real windows) and a linear logit of its
/// output at every step; a sequence's logit is the mean of its steps' (so every prefix is judged).
/// </summary>
public sealed class RnnGanDiscriminator : nn.Module
{
    public RnnGanDiscriminator(int vocabulary, int hidden) : base(nameof(RnnGanDiscriminator))
    {
        lstm = nn.LSTM(vocabulary, hidden, batchFirst: true);
        logit = nn.Linear(hidden, 1);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(lstm), lstm);
        register_module(nameof(logit), logit);
    }

    public LSTM lstm { get; }

    public Linear logit { get; }

    /// <summary>The logit of each sequence x [B, L, V] being real: [B].</summary>
    public Tensor Logits(Tensor x)
    {
        var (o, _, _) = lstm.forward(x);
        return logit.forward(o).squeeze(-1).mean(new long[] { 1 });
    }
}
