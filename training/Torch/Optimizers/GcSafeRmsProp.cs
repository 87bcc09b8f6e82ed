using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch.Optimizers;

/// <summary>
/// TorchSharp's RMSprop (same options, state and checkpoints, PyTorch's update) with a step whose scalars stay alive
/// through the native calls that read them; see <see cref="GcSafeAdam"/> for why TorchSharp's own step cannot be used.
/// </summary>
public sealed class GcSafeRmsProp : RMSProp
{
    public GcSafeRmsProp(IEnumerable<Parameter> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
        double momentum = 0, bool centered = false)
        : base(parameters, lr, alpha, eps, weight_decay, momentum, centered)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var (alpha, eps, weightDecay, momentum, centered, lr) =
            (options.alpha!.Value, options.eps!.Value, options.weight_decay!.Value, options.momentum!.Value, options.centered!.Value, options.LearningRate!.Value);
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        using var alphaScalar = alpha.ToScalar();
        using var oneMinusAlpha = (1 - alpha).ToScalar();
        using var epsScalar = eps.ToScalar();
        using var weightDecayScalar = weightDecay.ToScalar();
        using var momentumScalar = momentum.ToScalar();
        using var minusLr = (-lr).ToScalar();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            state.step += 1;
            if (weightDecay != 0) grad = grad.add(param, weightDecayScalar);
            state.square_avg.mul_(alphaScalar).addcmul_(grad, grad, oneMinusAlpha);
            Tensor avg;
            if (centered)
            {
                state.grad_avg.mul_(alphaScalar).add_(grad, oneMinusAlpha);
                avg = state.square_avg.addcmul(state.grad_avg, state.grad_avg, minusOne).sqrt_().add_(epsScalar, one);
            }
            else
            {
                avg = state.square_avg.sqrt().add_(epsScalar, one);
            }
            if (momentum > 0)
            {
                state.momentum_buffer.mul_(momentumScalar).addcdiv_(grad, avg, one);
                param.add_(state.momentum_buffer, minusLr);
            }
            else
            {
                param.addcdiv_(grad, avg, minusLr);
            }
        }
    }, closure);
}
