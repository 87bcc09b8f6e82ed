namespace Euterpe.Training.Torch.Modules;

/// <summary>Max over sliding windows of the last two dimensions of [N, C, H, W].</summary>
public sealed class MaxPool2d(long[] kernelSize, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceilMode = false)
    : Module<Tensor, Tensor>(nameof(MaxPool2d))
{
    public override Tensor forward(Tensor input) =>
        torch.nn.functional.max_pool2d(input, kernelSize, stride ?? kernelSize, padding ?? [0, 0], dilation ?? [1, 1], ceilMode);
}
