namespace Euterpe.Training.Torch.Modules;

/// <summary>Normalises over the trailing <c>normalizedShape</c> dimensions with learnable "weight"/"bias".</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly long[] normalizedShape;
    private readonly double eps;

    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true) : base(nameof(LayerNorm))
    {
        this.normalizedShape = normalizedShape;
        this.eps = eps;
        if (elementwiseAffine)
        {
            weight = register_parameter(nameof(weight), torch.ones(normalizedShape));
            bias = register_parameter(nameof(bias), torch.zeros(normalizedShape));
        }
    }

    public Tensor? weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.layer_norm(input, normalizedShape, weight, bias, eps);
}
