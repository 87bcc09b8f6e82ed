using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// The ABC WGAN's critic: a GRU over character distributions (one-hot for real text) and a linear score of its state,
/// so one pass scores every prefix of a sequence, and <see cref="StepScores"/> scores one more character after any
/// prefix (the teacher-helped sequences: real characters, then the generator's).
/// </summary>
public sealed class AbcWganCritic : nn.Module
{
    public AbcWganCritic(int vocabulary, int hidden) : base(nameof(AbcWganCritic))
    {
        Hidden = hidden;
        gru = nn.GRU(vocabulary, hidden, batchFirst: true);
        score = nn.Linear(hidden, 1);
        // By name, as PyTorch's attributes (RegisterComponents would name auto-properties by their backing fields).
        register_module(nameof(gru), gru);
        register_module(nameof(score), score);
    }

    public int Hidden { get; }

    public GRU gru { get; }

    public Linear score { get; }

    /// <summary>Scores of every prefix of x [B, L, V] ([B, L]) and the state after each ([B, L, H]).</summary>
    public (Tensor Scores, Tensor States) Prefixes(Tensor x)
    {
        var (o, _) = gru.forward(x);
        return (score.forward(o).squeeze(-1), o);
    }

    /// <summary>The score after one more character x [N, V] read from state [N, H]: [N].</summary>
    public Tensor StepScores(Tensor state, Tensor x)
    {
        var (o, _) = gru.forward(x.unsqueeze(1), state.unsqueeze(0));
        return score.forward(o).squeeze(-1).squeeze(-1);
    }
}
