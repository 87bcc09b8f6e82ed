using System.Globalization;

namespace Euterpe.Training.Torch.Optim;

/// <summary>
/// Base of the optimizers: one parameter group, a learning rate a scheduler can change, per-parameter state tensors
/// (owned by the optimizer, outside dispose scopes) and a state dictionary for checkpoints.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private bool disposed;

    protected Optimizer(IEnumerable<Tensor> parameters, double lr)
    {
        Parameters = parameters.ToArray();
        if (Parameters.Length == 0) throw new TorchException($"{GetType().Name}: got an empty parameter list");
        if (!(lr >= 0)) throw new TorchException($"{GetType().Name}: invalid learning rate {lr}");
        LearningRate = lr;
    }

    protected Tensor[] Parameters { get; }

    public double LearningRate { get; set; }

    public abstract void step();

    public void zero_grad()
    {
        foreach (var p in Parameters) p.clear_grad();
    }

    /// <summary>State tensors by name ("state.{param}.{slot}"); the tensors are the optimizer's own.</summary>
    public abstract IReadOnlyDictionary<string, Tensor> StateTensors();

    /// <summary>Scalar state and hyper-parameters as strings (for safetensors metadata).</summary>
    public abstract IReadOnlyDictionary<string, string> StateMetadata();

    /// <summary>Restores what <see cref="StateTensors"/> and <see cref="StateMetadata"/> produced.</summary>
    public void load_state(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var noGrad = torch.no_grad();
        foreach (var (key, own) in StateTensors())
        {
            if (!tensors.TryGetValue(key, out var value)) throw new TorchException($"optimizer state: {key} is missing");
            if (!own.shape.SequenceEqual(value.shape)) throw new TorchException($"optimizer state: {key} has the wrong shape");
            own.copy_(value);
        }
        LoadMetadata(metadata);
    }

    protected abstract void LoadMetadata(IReadOnlyDictionary<string, string> metadata);

    protected Tensor[] ZerosLikeParameters()
    {
        using var noGrad = torch.no_grad();
        return Parameters.Select(p => torch.zeros(p.shape, p.dtype, p.device).DetachFromDisposeScope()).ToArray();
    }

    protected static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    protected static double ParseDouble(IReadOnlyDictionary<string, string> m, string key) =>
        m.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : throw new TorchException($"optimizer state: metadata '{key}' is missing or not a number");

    protected abstract IEnumerable<Tensor> OwnedState();

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var t in OwnedState()) t.Dispose();
        GC.SuppressFinalize(this);
    }
}
