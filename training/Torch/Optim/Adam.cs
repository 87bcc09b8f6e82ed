using System.Globalization;
using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch.Optim;

/// <summary>Adam (optionally AMSGrad, L2 weight decay) with PyTorch's update, run in the shim with in-place ATen ops.</summary>
public sealed class Adam : Optimizer
{
    private readonly double beta1, beta2, eps, weightDecay;
    private readonly Tensor[] expAvg, expAvgSq;
    private readonly Tensor[]? maxExpAvgSq;
    private readonly long[] steps;

    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false) : base(parameters, lr)
    {
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1) throw new TorchException($"Adam: betas must be in [0, 1), got ({beta1}, {beta2})");
        (this.beta1, this.beta2, this.eps, weightDecay) = (beta1, beta2, eps, weight_decay);
        expAvg = ZerosLikeParameters();
        expAvgSq = ZerosLikeParameters();
        maxExpAvgSq = amsgrad ? ZerosLikeParameters() : null;
        steps = new long[Parameters.Length];
    }

    public override unsafe void step()
    {
        var p = torch.Handles(Parameters);
        var m = torch.Handles(expAvg);
        var v = torch.Handles(expAvgSq);
        var mx = maxExpAvgSq is null ? null : torch.Handles(maxExpAvgSq);
        fixed (IntPtr* pp = p, pm = m, pv = v, pmx = mx)
        fixed (long* s = steps)
        {
            TorchException.Check(NativeOptim.EtOptim_adam_step(pp, pm, pv, mx is null ? null : pmx, p.Length, LearningRate, beta1, beta2, eps,
                weightDecay, s));
        }
    }

    public override IReadOnlyDictionary<string, Tensor> StateTensors()
    {
        var d = new Dictionary<string, Tensor>();
        for (var i = 0; i < Parameters.Length; i++)
        {
            d[$"state.{i}.exp_avg"] = expAvg[i];
            d[$"state.{i}.exp_avg_sq"] = expAvgSq[i];
            if (maxExpAvgSq != null) d[$"state.{i}.max_exp_avg_sq"] = maxExpAvgSq[i];
        }
        return d;
    }

    public override IReadOnlyDictionary<string, string> StateMetadata()
    {
        var d = new Dictionary<string, string>
        {
            ["type"] = "Adam", ["lr"] = Format(LearningRate), ["beta1"] = Format(beta1), ["beta2"] = Format(beta2),
            ["eps"] = Format(eps), ["weight_decay"] = Format(weightDecay), ["amsgrad"] = maxExpAvgSq != null ? "true" : "false",
        };
        for (var i = 0; i < steps.Length; i++) d[$"state.{i}.step"] = steps[i].ToString(CultureInfo.InvariantCulture);
        return d;
    }

    protected override void LoadMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        LearningRate = ParseDouble(metadata, "lr");
        for (var i = 0; i < steps.Length; i++) steps[i] = (long)ParseDouble(metadata, $"state.{i}.step");
    }

    protected override IEnumerable<Tensor> OwnedState() => expAvg.Concat(expAvgSq).Concat(maxExpAvgSq ?? []);
}
