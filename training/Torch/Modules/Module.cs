namespace Euterpe.Training.Torch.Modules;

/// <summary>
/// Base of every layer: named parameters, buffers and sub-modules in registration order (PyTorch's state_dict order),
/// train/eval mode, state_dict loading and device moves. Parameters and buffers are owned by the module.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> ownParameters = [];
    private readonly List<KeyValuePair<string, Tensor>> buffers = [];
    private readonly List<KeyValuePair<string, Module>> children = [];
    private bool disposed;

    protected Module(string name) => GetName = name;

    /// <summary>The layer kind, e.g. "Linear".</summary>
    public string GetName { get; }

    public bool training { get; private set; } = true;

    /// <summary>Registers a parameter: it takes part in autograd and leaves any dispose scope (the module owns it).</summary>
    protected Tensor register_parameter(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        value.requires_grad = true;
        ownParameters.Add(new(name, value));
        return value;
    }

    /// <summary>Registers state that is saved and loaded but not trained (running statistics).</summary>
    protected Tensor register_buffer(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        buffers.Add(new(name, value));
        return value;
    }

    protected T register_module<T>(string name, T module) where T : Module
    {
        children.Add(new(name, module));
        return module;
    }

    public IEnumerable<(string name, Tensor parameter)> named_parameters()
    {
        foreach (var p in ownParameters) yield return (p.Key, p.Value);
        foreach (var c in children)
            foreach (var (n, p) in c.Value.named_parameters()) yield return ($"{c.Key}.{n}", p);
    }

    public IEnumerable<Tensor> parameters() => named_parameters().Select(p => p.parameter);

    public IEnumerable<(string name, Tensor buffer)> named_buffers()
    {
        foreach (var b in buffers) yield return (b.Key, b.Value);
        foreach (var c in children)
            foreach (var (n, b) in c.Value.named_buffers()) yield return ($"{c.Key}.{n}", b);
    }

    public IEnumerable<(string name, Module module)> named_children() => children.Select(c => (c.Key, c.Value));

    public Module train(bool mode = true)
    {
        training = mode;
        foreach (var c in children) c.Value.train(mode);
        return this;
    }

    public Module eval() => train(false);

    /// <summary>Parameters then buffers, module by module, keyed like PyTorch ("layers.0.weight"). The tensors are the module's own.</summary>
    public Dictionary<string, Tensor> state_dict()
    {
        var result = new Dictionary<string, Tensor>();
        Collect(this, "", result);
        return result;

        static void Collect(Module m, string prefix, Dictionary<string, Tensor> into)
        {
            foreach (var p in m.ownParameters) into[prefix + p.Key] = p.Value;
            foreach (var b in m.buffers) into[prefix + b.Key] = b.Value;
            foreach (var c in m.children) Collect(c.Value, $"{prefix}{c.Key}.", into);
        }
    }

    /// <summary>Copies values into this module's tensors; shapes must match, and with strict every key must match.</summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor> source, bool strict = true)
    {
        var own = state_dict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !source.ContainsKey(k)).ToList();
            var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new TorchException($"load_state_dict: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
        }
        using var noGrad = torch.no_grad();
        foreach (var (key, target) in own)
        {
            if (!source.TryGetValue(key, out var value)) continue;
            var want = target.shape;
            var got = value.shape;
            if (!want.SequenceEqual(got))
                throw new TorchException($"load_state_dict: {key} has shape [{string.Join(", ", got)}], the module needs [{string.Join(", ", want)}]");
            target.copy_(value);
        }
    }

    public void zero_grad()
    {
        foreach (var p in parameters()) p.clear_grad();
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/> in place (the Tensor objects stay the same).</summary>
    public Module to(Device device)
    {
        torch.CheckDevice(device);
        using var noGrad = torch.no_grad();
        foreach (var (_, p) in named_parameters())
        {
            var moved = p.detach().to(device);
            moved.requires_grad = true;
            p.ReplaceWith(moved);
        }
        foreach (var (_, b) in named_buffers()) b.ReplaceWith(b.to(device));
        return this;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var p in ownParameters) p.Value.Dispose();
        foreach (var b in buffers) b.Value.Dispose();
        foreach (var c in children) c.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
