using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch.Optim;

/// <summary>RMSprop (optionally centered, with momentum, L2 weight decay) with PyTorch's update, run in the shim.</summary>
public sealed class RMSprop : Optimizer
{
    private readonly double alpha, eps, weightDecay, momentum;
    private readonly Tensor[] squareAvg;
    private readonly Tensor[]? momentumBuffer, gradAvg;

    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
        double momentum = 0, bool centered = false) : base(parameters, lr)
    {
        (this.alpha, this.eps, weightDecay, this.momentum) = (alpha, eps, weight_decay, momentum);
        squareAvg = ZerosLikeParameters();
        momentumBuffer = momentum > 0 ? ZerosLikeParameters() : null;
        gradAvg = centered ? ZerosLikeParameters() : null;
    }

    public override unsafe void step()
    {
        var p = torch.Handles(Parameters);
        var sq = torch.Handles(squareAvg);
        var mb = momentumBuffer is null ? null : torch.Handles(momentumBuffer);
        var ga = gradAvg is null ? null : torch.Handles(gradAvg);
        fixed (IntPtr* pp = p, psq = sq, pmb = mb, pga = ga)
        {
            TorchException.Check(NativeOptim.EtOptim_rmsprop_step(pp, psq, mb is null ? null : pmb, ga is null ? null : pga, p.Length,
                LearningRate, alpha, eps, weightDecay, momentum));
        }
    }

    public override IReadOnlyDictionary<string, Tensor> StateTensors()
    {
        var d = new Dictionary<string, Tensor>();
        for (var i = 0; i < Parameters.Length; i++)
        {
            d[$"state.{i}.square_avg"] = squareAvg[i];
            if (momentumBuffer != null) d[$"state.{i}.momentum_buffer"] = momentumBuffer[i];
            if (gradAvg != null) d[$"state.{i}.grad_avg"] = gradAvg[i];
        }
        return d;
    }

    public override IReadOnlyDictionary<string, string> StateMetadata() => new Dictionary<string, string>
    {
        ["type"] = "RMSprop", ["lr"] = Format(LearningRate), ["alpha"] = Format(alpha), ["eps"] = Format(eps),
        ["weight_decay"] = Format(weightDecay), ["momentum"] = Format(momentum), ["centered"] = gradAvg != null ? "true" : "false",
    };

    protected override void LoadMetadata(IReadOnlyDictionary<string, string> metadata) => LearningRate = ParseDouble(metadata, "lr");

    protected override IEnumerable<Tensor> OwnedState() => squareAvg.Concat(momentumBuffer ?? []).Concat(gradAvg ?? []);
}
