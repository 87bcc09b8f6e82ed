namespace Euterpe.Training.Torch.Modules;

/// <summary>
/// Batch normalisation: batch statistics while training (updating running_mean/running_var with momentum and counting
/// num_batches_tracked, as PyTorch does), running statistics in eval.
/// </summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    private readonly double eps, momentum;
    private readonly int[] acceptedDims;

    protected BatchNorm(string name, long numFeatures, double eps, double momentum, bool affine, bool trackRunningStats, int[] acceptedDims)
        : base(name)
    {
        (this.eps, this.momentum, this.acceptedDims) = (eps, momentum, acceptedDims);
        if (affine)
        {
            weight = register_parameter(nameof(weight), torch.ones(numFeatures));
            bias = register_parameter(nameof(bias), torch.zeros(numFeatures));
        }
        if (trackRunningStats)
        {
            running_mean = register_buffer(nameof(running_mean), torch.zeros(numFeatures));
            running_var = register_buffer(nameof(running_var), torch.ones(numFeatures));
            num_batches_tracked = register_buffer(nameof(num_batches_tracked), torch.zeros([], ScalarType.Int64));
        }
    }

    public Tensor? weight { get; }

    public Tensor? bias { get; }

    public Tensor? running_mean { get; }

    public Tensor? running_var { get; }

    public Tensor? num_batches_tracked { get; }

    public override Tensor forward(Tensor input)
    {
        var d = input.dim();
        if (!acceptedDims.Contains(d))
            throw new TorchException($"{GetName}: expected a {string.Join(" or ", acceptedDims)}-d input, got {d}-d");
        var useBatchStats = training || running_mean is null;
        if (training && num_batches_tracked is not null)
        {
            using var noGrad = torch.no_grad();
            num_batches_tracked.add_(1);
        }
        return torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatchStats, momentum, eps);
    }
}
