using Euterpe.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The SeqGAN's discriminator, a convolutional highway network over token sequences: token embeddings, one
/// convolution per filter width (ReLU, max over time), the pooled features through a highway layer (a sigmoid gate
/// mixing a ReLU transform with the features themselves), dropout, and a linear logit (sigmoid: the probability the
/// sequence is real).
/// </summary>
public sealed class SeqGanDiscriminator : nn.Module
{
    private readonly Conv1d[] _convolutions;

    public SeqGanDiscriminator(int vocabulary, int embedding, IReadOnlyList<int> widths, int filters, double dropout) : base(nameof(SeqGanDiscriminator))
    {
        var features = widths.Count * filters;
        embed = nn.Embedding(vocabulary, embedding);
        _convolutions = [.. widths.Select(w => nn.Conv1d(embedding, filters, w))];
        convolutions = nn.ModuleList(_convolutions);
        transform = nn.Linear(features, features);
        gate = nn.Linear(features, features);
        drop = nn.Dropout(dropout);
        logit = nn.Linear(features, 1);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(embed), embed);
        register_module(nameof(convolutions), convolutions);
        register_module(nameof(transform), transform);
        register_module(nameof(gate), gate);
        register_module(nameof(drop), drop);
        register_module(nameof(logit), logit);
    }

    public Embedding embed { get; }

    public ModuleList<Conv1d> convolutions { get; }

    public Linear transform { get; }

    public Linear gate { get; }

    public Dropout drop { get; }

    public Linear logit { get; }

    /// <summary>The logit of each sequence of <paramref name="tokens"/> [B, L] (int64) being real: [B].</summary>
    public Tensor Logits(Tensor tokens)
    {
        var x = embed.forward(tokens).transpose(1, 2); // [B, E, L]
        var pooled = torch.cat([.. _convolutions.Select(c => nn.functional.relu(c.forward(x)).amax(new long[] { 2 }))], 1); // [B, F]
        var g = torch.sigmoid(gate.forward(pooled));
        var highway = (g * nn.functional.relu(transform.forward(pooled))).Plus((torch.ones_like(g) - g) * pooled);
        return logit.forward(drop.forward(highway)).squeeze(-1);
    }
}
