using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Optim;

namespace Euterpe.Training.Tests.Torch;

/// <summary>Several optimizer steps on a small model, against PyTorch's optimizers from the same start.</summary>
public sealed class OptimizerParityTests : IDisposable
{
    private readonly PyTorchOracle oracle = new();
    private readonly DisposeScope scope = torch.NewDisposeScope();

    public void Dispose()
    {
        scope.Dispose();
        oracle.Dispose();
    }

    [Fact]
    public void Adam_with_weight_decay_and_clipping_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new Adam(m.parameters(), lr: 0.01, weight_decay: 0.1), "torch.optim.Adam(m.parameters(), lr=0.01, weight_decay=0.1)",
            clip: 0.5);

    [Fact]
    public void Amsgrad_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new Adam(m.parameters(), lr: 0.02, beta1: 0.8, amsgrad: true), "torch.optim.Adam(m.parameters(), lr=0.02, betas=(0.8, 0.999), amsgrad=True)");

    [Fact]
    public void Rmsprop_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new RMSprop(m.parameters(), lr: 0.01), "torch.optim.RMSprop(m.parameters(), lr=0.01)");

    [Fact]
    public void Centered_rmsprop_with_momentum_matches_pytorch_after_five_steps() =>
        CheckSteps(m => new RMSprop(m.parameters(), lr: 0.01, momentum: 0.9, centered: true, weight_decay: 0.01),
            "torch.optim.RMSprop(m.parameters(), lr=0.01, momentum=0.9, centered=True, weight_decay=0.01)");

    [Fact]
    public void StepLR_decays_like_pytorch()
    {
        using var linear = new Linear(2, 2);
        using var adam = new Adam(linear.parameters(), lr: 0.1);
        var schedule = new StepLR(adam, stepSize: 3, gamma: 0.5);
        var lrs = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            lrs.Add(adam.LearningRate);
            schedule.step();
        }
        var py = oracle.Run([], """
            m = torch.nn.Linear(2, 2)
            opt = torch.optim.Adam(m.parameters(), lr=0.1)
            sched = torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)
            lrs = []
            for _ in range(7):
                lrs.append(opt.param_groups[0]['lr'])
                opt.step()
                sched.step()
            OUT['lrs'] = torch.tensor(lrs, dtype=torch.float64)
            """);
        Assert.Equal(py["lrs"].ToArray<double>(), lrs.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    /// <summary>Linear → tanh → Linear regression; five steps of (clip +) optimizer; compares every parameter and the returned norms.</summary>
    private void CheckSteps(Func<Module, Optimizer> make, string pyOptimizer, double? clip = null)
    {
        torch.manual_seed(3);
        using var model = new Sequential(new Linear(4, 6), new Linear(6, 2));
        var start = model.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value.clone());
        var x = torch.randn(8, 4);
        var target = torch.randn(8, 2);
        using var optimizer = make(model);
        var norms = new List<double>();
        for (var step = 0; step < 5; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var h = model[0].call(x).tanh();
            var loss = torch.nn.functional.mse_loss(model[1].call(h), target);
            loss.backward();
            if (clip is { } c) norms.Add(torch.nn.utils.clip_grad_norm_(model.parameters(), c));
            optimizer.step();
        }
        var inputs = start.Concat(new Dictionary<string, Tensor> { ["x"] = x, ["target"] = target });
        var py = oracle.Run(inputs, $$"""
            m = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Linear(6, 2))
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            opt = {{pyOptimizer}}
            norms = []
            for _ in range(5):
                opt.zero_grad()
                loss = torch.nn.functional.mse_loss(m[1](torch.tanh(m[0](IN['x']))), IN['target'])
                loss.backward()
                if {{(clip is null ? "False" : "True")}}:
                    norms.append(float(torch.nn.utils.clip_grad_norm_(m.parameters(), {{clip ?? 0}})))
                opt.step()
            OUT.update({'param.' + k: v for k, v in m.state_dict().items()})
            OUT['norms'] = torch.tensor(norms, dtype=torch.float64)
            """);
        foreach (var (name, p) in model.state_dict()) TensorAssert.Close(py["param." + name], p, name);
        if (clip != null)
        {
            Assert.Equal(5, norms.Count);
            Assert.Equal(py["norms"].ToArray<double>(), norms.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Contains(norms, n => n > clip); // clipping really happened
        }
    }
}
