using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch.Optimizers;

/// <summary>
/// TorchSharp's Adam (same options, state and checkpoints, PyTorch's update) with a step whose scalars cannot be freed
/// under it. TorchSharp's own step passes temporary <see cref="Scalar"/>s to native calls by handle; a garbage
/// collection during the call can finalize one and free its memory while libtorch reads it, which fails the step
/// ("Expected false to be true" in Scalar::toFloat) or silently uses a wrong value — seen 12 and 52 times in 20,000
/// steps with a thread forcing collections. Here every scalar is a local disposed after the call, so it stays alive.
/// </summary>
public sealed class GcSafeAdam : Adam
{
    public GcSafeAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var (beta1, beta2, eps, weightDecay, lr) = (options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.weight_decay!.Value, options.LearningRate!.Value);
        using var one = 1.0.ToScalar();
        using var beta1Scalar = beta1.ToScalar();
        using var oneMinusBeta1 = (1 - beta1).ToScalar();
        using var beta2Scalar = beta2.ToScalar();
        using var oneMinusBeta2 = (1 - beta2).ToScalar();
        using var epsScalar = eps.ToScalar();
        using var weightDecayScalar = weightDecay.ToScalar();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            state.step += 1;
            var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            var biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
            using var stepSize = (-lr / biasCorrection1).ToScalar();
            if (weightDecay != 0) grad = grad.add(param, weightDecayScalar);
            state.exp_avg.mul_(beta1Scalar).add_(grad, oneMinusBeta1);
            state.exp_avg_sq.mul_(beta2Scalar).addcmul_(grad, grad, oneMinusBeta2);
            Tensor denom;
            if (state.max_exp_avg_sq is { } max)
            {
                state.max_exp_avg_sq = torch.maximum(max, state.exp_avg_sq).DetachFromDisposeScope();
                max.Dispose();
                denom = state.max_exp_avg_sq.sqrt().div_(sqrtBiasCorrection2).add_(epsScalar, one);
            }
            else
            {
                denom = state.exp_avg_sq.sqrt().div_(sqrtBiasCorrection2).add_(epsScalar, one);
            }
            param.addcdiv_(state.exp_avg, denom, stepSize);
        }
    }, closure);
}
