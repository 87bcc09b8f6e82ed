using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// A decoder (f_dec or f_dec^bin): an LSTM from a zero state whose input at each step is the embedding of the previous
/// token (zeros at the start) beside the code, read at every step; Linear → logits over the joint tokens. The embedding
/// is a bias-free Linear over a one-hot row, so the exported step reads the previous token as a one-hot frame.
/// </summary>
public sealed class SeqAeDecoder : nn.Module
{
    public SeqAeDecoder(int vocabulary, int embedding, int hidden, int codeBits) : base(nameof(SeqAeDecoder))
    {
        Vocabulary = vocabulary;
        CodeBits = codeBits;
        Hidden = hidden;
        embed = nn.Linear(vocabulary, embedding, hasBias: false);
        lstm = nn.LSTM(embedding + codeBits, hidden, batchFirst: true);
        output = nn.Linear(hidden, vocabulary);
        register_module(nameof(embed), embed);
        register_module(nameof(lstm), lstm);
        register_module(nameof(output), output);
    }

    public int Vocabulary { get; }

    public int CodeBits { get; }

    public int Hidden { get; }

    public Linear embed { get; }

    public LSTM lstm { get; }

    public Linear output { get; }

    /// <summary>Teacher-forced logits: the code [B, m] and the target tokens long [B, L] in, logits [B, L, V] out (step t reads token t − 1).</summary>
    public Tensor forward(Tensor code, Tensor tokens)
    {
        using var scope = torch.NewDisposeScope();
        var (batch, length) = (tokens.shape[0], tokens.shape[1]);
        var table = embed.weight.t(); // [V, E]: row v is token v's embedding
        var previous = table.index_select(0, tokens.narrow(1, 0, length - 1).reshape(-1)).reshape(batch, length - 1, -1);
        previous = torch.cat([torch.zeros(batch, 1, previous.shape[2], device: code.device), previous], 1);
        var input = torch.cat([previous, code.unsqueeze(1).expand(batch, length, CodeBits)], -1);
        var (o, _, _) = lstm.forward(input);
        return output.forward(o).MoveToOuterDisposeScope();
    }
}
