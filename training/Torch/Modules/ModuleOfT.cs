namespace Euterpe.Training.Torch.Modules;

/// <summary>A module with one input and one output, like TorchSharp's Module&lt;Tensor, Tensor&gt;.</summary>
public abstract class Module<TIn, TOut> : Module
{
    protected Module(string name) : base(name) { }

    public abstract TOut forward(TIn input);

    public TOut call(TIn input) => forward(input);
}
