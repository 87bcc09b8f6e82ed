using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch;

/// <summary>
/// WGAN-GP's gradient penalty, shared by every Wasserstein critic here: (‖∇ₓ score(x)‖₂ − 1)² averaged over points x
/// on the lines between real and generated samples. The gradient keeps its graph (create_graph and retain_graph, both
/// passed: TorchSharp does not default one to the other as PyTorch does), so the penalty trains the critic.
/// </summary>
public static class GradientPenalty
{
    /// <param name="scores">The critic: samples in, one score per sample (or scores whose sum is the batch's).</param>
    /// <param name="epsilon">Uniform in 0…1, one per sample, shaped to broadcast over a sample: where each point lies (1 is the real one).</param>
    public static Tensor Of(Func<Tensor, Tensor> scores, Tensor real, Tensor fake, Tensor epsilon)
    {
        using var two = 2.0.ToScalar();
        var mixed = (epsilon * real).Plus((ones_like(epsilon) - epsilon) * fake).detach().requires_grad_(true);
        var gradient = autograd.grad([scores(mixed).sum()], [mixed], retain_graph: true, create_graph: true)[0];
        var norm = gradient.reshape(real.shape[0], -1).norm(1, false, 2);
        return (norm - ones_like(norm)).pow(two).mean();
    }
}
