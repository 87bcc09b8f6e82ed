using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// The encoder: a subsequence's tokens → embedding → LSTM → its last output → Linear → tanh: the continuous code
/// c' ∈ (−1, 1)^m. The binary code is sign(c').
/// </summary>
public sealed class SeqAeEncoder : nn.Module
{
    public SeqAeEncoder(int vocabulary, int embedding, int hidden, int codeBits) : base(nameof(SeqAeEncoder))
    {
        embed = nn.Embedding(vocabulary, embedding);
        lstm = nn.LSTM(embedding, hidden, batchFirst: true);
        code = nn.Linear(hidden, codeBits);
        register_module(nameof(embed), embed);
        register_module(nameof(lstm), lstm);
        register_module(nameof(code), code);
    }

    public Embedding embed { get; }

    public LSTM lstm { get; }

    public Linear code { get; }

    /// <param name="tokens">long [B, L].</param>
    /// <returns>c', float [B, m].</returns>
    public Tensor forward(Tensor tokens)
    {
        using var scope = torch.NewDisposeScope();
        var (o, _, _) = lstm.forward(embed.forward(tokens));
        return torch.tanh(code.forward(o.select(1, -1))).MoveToOuterDisposeScope();
    }
}
