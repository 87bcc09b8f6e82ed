namespace Euterpe.Training.Torch.Modules;

/// <summary>max(0, x) + a·min(0, x) with learnable "weight" a (one per channel or shared), initialised 0.25.</summary>
public sealed class PReLU : Module<Tensor, Tensor>
{
    public PReLU(long numParameters = 1, double init = 0.25) : base(nameof(PReLU)) =>
        weight = register_parameter(nameof(weight), torch.full([numParameters], init));

    public Tensor weight { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.prelu(input, weight);
}
