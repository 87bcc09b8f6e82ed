using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// The RNN-GAN's generator: an LSTM whose input at each step is fresh noise z_t beside the embedding of its previous
/// token distribution (distribution × embedding matrix: its own softmax, not a drawn token, so a whole sequence is
/// differentiable); the first step reads an all-zero distribution (the start). Its state starts at zero; each step
/// writes a distribution over the joint (pitch, duration) tokens.
/// </summary>
public sealed class RnnGanGenerator : nn.Module
{
    public RnnGanGenerator(int vocabulary, int embedding, int noise, int hidden) : base(nameof(RnnGanGenerator))
    {
        Vocabulary = vocabulary;
        Noise = noise;
        Hidden = hidden;
        embed = nn.Linear(vocabulary, embedding, hasBias: false);
        lstm = nn.LSTM(embedding + noise, hidden, batchFirst: true);
        output = nn.Linear(hidden, vocabulary);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(embed), embed);
        register_module(nameof(lstm), lstm);
        register_module(nameof(output), output);
    }

    public int Vocabulary { get; }

    public int Noise { get; }

    public int Hidden { get; }

    /// <summary>The embedding as a bias-free Linear: a distribution [.., V] in, its weighted embedding [.., E] out.</summary>
    public Linear embed { get; }

    public LSTM lstm { get; }

    public Linear output { get; }

    /// <summary>One step: distribution [B, 1, V], noise [B, 1, Z] and the LSTM state in; the next distribution [B, 1, V] and state out.</summary>
    public (Tensor Distribution, (Tensor H, Tensor C) State) Step(Tensor distribution, Tensor noise, (Tensor H, Tensor C)? state)
    {
        var (o, h, c) = lstm.forward(torch.cat([embed.forward(distribution), noise], -1), state);
        return (nn.functional.softmax(output.forward(o), -1), (h, c));
    }

    /// <summary>Writes a sequence from noise z [B, L, Z] on its own, one step per noise step: [B, L, V].</summary>
    public Tensor Free(Tensor z)
    {
        var (batch, length) = (z.shape[0], z.shape[1]);
        var x = torch.zeros(batch, 1, Vocabulary, device: z.device);
        (Tensor, Tensor)? state = null;
        var steps = new Tensor[length];
        for (var t = 0; t < length; t++)
        {
            var (next, s) = Step(x, z.narrow(1, t, 1), state);
            (x, state) = (next, s);
            steps[t] = x;
        }
        return torch.cat(steps, 1);
    }
}
