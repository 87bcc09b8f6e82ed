using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// The ABC WGAN's generator: a GRU whose hidden state starts as the noise z, whose first input is the embedded tune
/// edge (token 0, the start symbol) and whose next input is always the embedding averaged under its own softmax
/// distribution (distribution × embedding matrix), not the argmax, so a whole sequence is differentiable. Each step
/// writes a distribution over the characters.
/// </summary>
public sealed class AbcWganGenerator : nn.Module
{
    public AbcWganGenerator(int vocabulary, int embedding, int hidden) : base(nameof(AbcWganGenerator))
    {
        Vocabulary = vocabulary;
        Hidden = hidden;
        embed = nn.Linear(vocabulary, embedding, hasBias: false);
        gru = nn.GRU(embedding, hidden, batchFirst: true);
        output = nn.Linear(hidden, vocabulary);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(embed), embed);
        register_module(nameof(gru), gru);
        register_module(nameof(output), output);
    }

    public int Vocabulary { get; }

    public int Hidden { get; }

    /// <summary>The embedding as a bias-free Linear: a distribution [.., V] in, its weighted embedding [.., E] out.</summary>
    public Linear embed { get; }

    public GRU gru { get; }

    public Linear output { get; }

    /// <summary>One step: distribution [B, 1, V] and hidden state [1, B, H] in; the next distribution [B, 1, V] and state out.</summary>
    public (Tensor Distribution, Tensor Hidden) Step(Tensor distribution, Tensor hidden)
    {
        var (o, h) = gru.forward(embed.forward(distribution), hidden);
        return (nn.functional.softmax(output.forward(o), -1), h);
    }

    /// <summary>Writes <paramref name="length"/> distributions from z [B, H] on its own: [B, length, V].</summary>
    public Tensor Free(Tensor z, int length)
    {
        var x = Start(z.shape[0], z.device);
        var h = z.unsqueeze(0);
        var steps = new Tensor[length];
        for (var t = 0; t < length; t++)
        {
            (x, h) = Step(x, h);
            steps[t] = x;
        }
        return torch.cat(steps, 1);
    }

    /// <summary>
    /// Teacher help: for every i, the i-th distribution after the start symbol and the i−1 real characters before it
    /// (one-hot, [B, L, V]), from z [B, H]; [B, L, V].
    /// </summary>
    public Tensor Teacher(Tensor z, Tensor real)
    {
        var length = real.shape[1];
        var inputs = length > 1 ? torch.cat([Start(z.shape[0], z.device), real.narrow(1, 0, length - 1)], 1) : Start(z.shape[0], z.device);
        var (o, _) = gru.forward(embed.forward(inputs), z.unsqueeze(0));
        return nn.functional.softmax(output.forward(o), -1);
    }

    /// <summary>The start symbol, token 0 one-hot, for <paramref name="batch"/> rows: [B, 1, V].</summary>
    public Tensor Start(long batch, Device device)
    {
        var start = torch.zeros(batch, 1, Vocabulary, device: device);
        start[TensorIndex.Colon, TensorIndex.Colon, 0] = torch.ones(batch, 1, device: device);
        return start;
    }
}
