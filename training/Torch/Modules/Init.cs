namespace Euterpe.Training.Torch.Modules;

/// <summary>PyTorch's default initialisations (the same in-place random calls in the same order, so seeds agree).</summary>
internal static class Init
{
    /// <summary>kaiming_uniform_(a=√5) as nn.Linear/Conv use it: U(-1/√fan_in, 1/√fan_in).</summary>
    internal static Tensor Uniform(long[] shape, double fanIn)
    {
        var bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
        using var noGrad = torch.no_grad();
        return torch.zeros(shape).uniform_(-bound, bound);
    }
}
