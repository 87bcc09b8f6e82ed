namespace Euterpe.Training.Torch.Modules;

/// <summary>Applies its layers in order; they are registered as "0", "1", ... like PyTorch's nn.Sequential.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> layers = [];

    public Sequential(params Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
    {
        foreach (var m in modules) layers.Add(register_module(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m));
    }

    public int Count => layers.Count;

    public Module<Tensor, Tensor> this[int index] => layers[index];

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var next = layer.forward(x);
            // Intermediates are ours to free; the caller's input is not.
            if (!ReferenceEquals(x, input) && !ReferenceEquals(next, x) && DisposeScope.Current is null) x.Dispose();
            x = next;
        }
        return x;
    }
}
