using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The SeqGAN's generator: an LSTM over token embeddings whose first input is the start symbol (the embedding's last
/// row, <see cref="Start"/>) and each next input the token before; its state starts at zero and each step gives logits
/// over the <see cref="Vocabulary"/> written tokens. The roll-out copy is another instance of it.
/// </summary>
public sealed class SeqGanGenerator : nn.Module
{
    public SeqGanGenerator(int vocabulary, int embedding, int hidden) : base(nameof(SeqGanGenerator))
    {
        Vocabulary = vocabulary;
        Hidden = hidden;
        embed = nn.Embedding(vocabulary + 1, embedding);
        lstm = nn.LSTM(embedding, hidden, batchFirst: true);
        output = nn.Linear(hidden, vocabulary);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(embed), embed);
        register_module(nameof(lstm), lstm);
        register_module(nameof(output), output);
    }

    public int Vocabulary { get; }

    public int Hidden { get; }

    /// <summary>The start symbol's token: the embedding's last row.</summary>
    public int Start => Vocabulary;

    public Embedding embed { get; }

    public LSTM lstm { get; }

    public Linear output { get; }

    /// <summary>Logits [B, L, V] of every token of <paramref name="tokens"/> [B, L] (int64) given the ones before it (teacher forcing).</summary>
    public Tensor Logits(Tensor tokens)
    {
        var start = torch.full(new long[] { tokens.shape[0], 1 }, Start, ScalarType.Int64, device: tokens.device);
        var inputs = torch.cat([start, tokens.narrow(1, 0, tokens.shape[1] - 1)], 1);
        var (o, _, _) = lstm.forward(embed.forward(inputs));
        return output.forward(o);
    }

    /// <summary>Mean negative log-likelihood per token (nats) of <paramref name="tokens"/> [B, L].</summary>
    public Tensor Nll(Tensor tokens) =>
        nn.functional.cross_entropy(Logits(tokens).reshape(-1, Vocabulary), tokens.reshape(-1));

    /// <summary>
    /// Continues sequences: from the state after reading <paramref name="next"/> [B] on top of <paramref name="state"/>
    /// (null: zero), draws <paramref name="count"/> tokens, each fed back; [B, count] (int64). No gradient.
    /// </summary>
    public Tensor Continue(Tensor next, (Tensor H, Tensor C)? state, int count)
    {
        using var noGrad = torch.no_grad();
        var drawn = new Tensor[count];
        var x = next;
        for (var t = 0; t < count; t++)
        {
            var (o, h, c) = lstm.forward(embed.forward(x.unsqueeze(1)), state);
            state = (h, c);
            x = torch.multinomial(nn.functional.softmax(output.forward(o.squeeze(1)), -1), 1).squeeze(1);
            drawn[t] = x;
        }
        return torch.stack(drawn, 1);
    }

    /// <summary><paramref name="batch"/> sequences of <paramref name="length"/> tokens written from the start symbol, each token drawn at temperature 1: [B, L] (int64).</summary>
    public Tensor Sample(int batch, int length, Device device) =>
        Continue(torch.full(new long[] { batch }, Start, ScalarType.Int64, device: device), null, length);

    /// <summary>
    /// The LSTM's states while reading <paramref name="tokens"/> [B, L]: entry t (0…L−2) is the state after the start
    /// symbol and the first t tokens, the state the token at t is fed on top of. No gradient.
    /// </summary>
    public List<(Tensor H, Tensor C)> PrefixStates(Tensor tokens)
    {
        using var noGrad = torch.no_grad();
        var states = new List<(Tensor H, Tensor C)>();
        var x = torch.full(new long[] { tokens.shape[0] }, Start, ScalarType.Int64, device: tokens.device);
        (Tensor H, Tensor C)? state = null;
        for (var t = 0; t < tokens.shape[1] - 1; t++)
        {
            var (_, h, c) = lstm.forward(embed.forward(x.unsqueeze(1)), state);
            state = (h, c);
            states.Add((h, c));
            x = tokens.select(1, t);
        }
        return states;
    }
}
