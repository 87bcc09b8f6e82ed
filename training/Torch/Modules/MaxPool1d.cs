namespace Euterpe.Training.Torch.Modules;

/// <summary>Max over sliding windows of the last dimension of [N, C, L].</summary>
public sealed class MaxPool1d(long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false)
    : Module<Tensor, Tensor>(nameof(MaxPool1d))
{
    public override Tensor forward(Tensor input) =>
        torch.nn.functional.max_pool1d(input, kernelSize, stride ?? kernelSize, padding, dilation, ceilMode);
}
