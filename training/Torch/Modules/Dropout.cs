namespace Euterpe.Training.Torch.Modules;

/// <summary>Zeroes elements with probability p while training (scaling the rest by 1/(1-p)); identity in eval.</summary>
public sealed class Dropout(double p = 0.5) : Module<Tensor, Tensor>(nameof(Dropout))
{
    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training);
}
