using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

/// <summary>
/// Several steps of the trainers' optimizers (TorchSharp's Adam and RMSprop with our GC-safe steps) through our
/// <see cref="TrainingLoop.Optimize"/> on a small model, against PyTorch's optimizers from the same start.
/// </summary>
public sealed class OptimizerParityTests : IDisposable
{
    private readonly PyTorchOracle oracle = new();
    private readonly IDisposable scope;

    public OptimizerParityTests()
    {
        TorchRuntime.EnsureLoaded();
        scope = torch.NewDisposeScope();
    }

    public void Dispose()
    {
        scope.Dispose();
        oracle.Dispose();
    }

    [Fact]
    public void Adam_with_weight_decay_and_clipping_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new GcSafeAdam(m.parameters(), lr: 0.01, weight_decay: 0.1), "torch.optim.Adam(m.parameters(), lr=0.01, weight_decay=0.1)",
            clip: 0.5);

    [Fact]
    public void Amsgrad_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new GcSafeAdam(m.parameters(), lr: 0.02, beta1: 0.8, amsgrad: true), "torch.optim.Adam(m.parameters(), lr=0.02, betas=(0.8, 0.999), amsgrad=True)");

    [Fact]
    public void Rmsprop_with_clipping_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new GcSafeRmsProp(m.parameters(), lr: 0.01, weight_decay: 1e-3), "torch.optim.RMSprop(m.parameters(), lr=0.01, weight_decay=1e-3)", clip: 0.5);

    [Fact]
    public void Centered_rmsprop_with_momentum_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new GcSafeRmsProp(m.parameters(), lr: 0.01, momentum: 0.9, centered: true, weight_decay: 0.01),
            "torch.optim.RMSprop(m.parameters(), lr=0.01, momentum=0.9, centered=True, weight_decay=0.01)");

    /// <summary>Linear → tanh → Linear regression; five optimizer steps (clipped when asked); compares every parameter.</summary>
    private void CheckSteps(Func<nn.Module, optim.Optimizer> make, string pyOptimizer, double? clip = null)
    {
        torch.manual_seed(3);
        using var model = nn.Sequential(("0", nn.Linear(4, 6)), ("1", nn.Linear(6, 2)));
        var start = model.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value.clone());
        var x = torch.randn(8, 4);
        var target = torch.randn(8, 2);
        using var optimizer = make(model);
        var first = (nn.Module<Tensor, Tensor>)model.children().First();
        var second = (nn.Module<Tensor, Tensor>)model.children().Last();
        for (var step = 0; step < 5; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            var loss = nn.functional.mse_loss(second.call(first.call(x).tanh()), target);
            TrainingLoop.Optimize(loss, model, optimizer, clip ?? double.PositiveInfinity);
        }
        var inputs = start.Concat(new Dictionary<string, Tensor> { ["x"] = x, ["target"] = target });
        var py = oracle.Run(inputs, $$"""
            m = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Linear(6, 2))
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            opt = {{pyOptimizer}}
            clipped = 0
            for _ in range(5):
                opt.zero_grad()
                loss = torch.nn.functional.mse_loss(m[1](torch.tanh(m[0](IN['x']))), IN['target'])
                loss.backward()
                if {{(clip is null ? "False" : "True")}}:
                    clipped += float(torch.nn.utils.clip_grad_norm_(m.parameters(), {{clip ?? 0}})) > {{clip ?? 0}}
                opt.step()
            OUT.update({'param.' + k: v for k, v in m.state_dict().items()})
            OUT['clipped'] = torch.tensor([clipped])
            """);
        foreach (var (name, p) in model.state_dict()) TensorAssert.Close(py["param." + name], p, name);
        if (clip != null) Assert.True(TensorAssert.Values<long>(py["clipped"])[0] > 0, "clipping never happened: the test would not see it");
    }
}
