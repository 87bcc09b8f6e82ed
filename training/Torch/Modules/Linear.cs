namespace Euterpe.Training.Torch.Modules;

/// <summary>y = x Wᵀ + b, parameters "weight" [out, in] and "bias" [out].</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool hasBias = true) : base(nameof(Linear))
    {
        weight = register_parameter(nameof(weight), Init.Uniform([outFeatures, inFeatures], inFeatures));
        bias = hasBias ? register_parameter(nameof(bias), Init.Uniform([outFeatures], inFeatures)) : null;
    }

    public Tensor weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);
}
