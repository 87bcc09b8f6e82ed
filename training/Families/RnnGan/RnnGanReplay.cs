using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// History replay: a ring of generated sequences (their distributions, detached) from earlier steps, so the
/// discriminator keeps seeing what the generator wrote before and the two cannot chase each other round one mode.
/// The rows and the count live in module buffers, so the checkpoint holds them and a resumed run replays what an
/// uninterrupted one would.
/// </summary>
public sealed class RnnGanReplay : nn.Module
{
    public RnnGanReplay(int capacity, int length, int vocabulary) : base(nameof(RnnGanReplay))
    {
        Capacity = capacity;
        register_buffer("rows", torch.zeros(Math.Max(1, capacity), length, vocabulary));
        register_buffer("filled", torch.zeros(1, ScalarType.Int64));
    }

    /// <summary>Rows the ring holds at most.</summary>
    public int Capacity { get; }

    // Looked up by name: moving the module to a device replaces its buffers.
    private Tensor Rows => named_buffers().First(b => b.name == "rows").buffer;

    /// <summary>Rows ever added (the ring's next slot is this modulo <see cref="Capacity"/>).</summary>
    private Tensor Filled => named_buffers().First(b => b.name == "filled").buffer;

    public long Count => Math.Min(Capacity, Filled.cpu().item<long>());

    /// <summary><paramref name="count"/> remembered rows drawn with replacement (from the global generator): [count, L, V].</summary>
    public Tensor Draw(int count)
    {
        var index = torch.randint(0, Count, new long[] { count }, dtype: ScalarType.Int64).to(Rows.device);
        return Rows.index_select(0, index);
    }

    /// <summary>Remembers the rows of x [N, L, V], overwriting the oldest.</summary>
    public void Add(Tensor x)
    {
        using var noGrad = torch.no_grad();
        var next = Filled.cpu().item<long>();
        for (var i = 0; i < x.shape[0]; i++)
        {
            Rows[(next + i) % Capacity].copy_(x[i].detach());
        }
        using var added = x.shape[0].ToScalar(); // held: a temporary could be collected during the call (TensorSums)
        Filled.add_(added);
    }
}
