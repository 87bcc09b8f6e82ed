using Euterpe.Training.Torch;

namespace Euterpe.Training.Tests.Torch;

public sealed class AutogradTests : IDisposable
{
    private readonly DisposeScope scope = torch.NewDisposeScope();

    public void Dispose() => scope.Dispose();

    [Fact]
    public void Backward_gives_the_analytic_gradient()
    {
        var x = torch.tensor(new[] { 1f, -2f, 3f }, requires_grad: true);
        (x * x * x).sum().backward();
        Assert.Equal(new[] { 3f, 12f, 27f }, x.grad!.ToArray<float>());
    }

    [Fact]
    public void Second_order_gradient_of_a_gradient_norm_matches_the_analytic_one()
    {
        // f(x) = Σ x³ ⇒ g = 3x², ‖g‖² = 9 Σ x⁴ ⇒ d‖g‖²/dx = 36 x³ (the WGAN-GP pattern: penalty on a gradient's norm).
        var values = new[] { 0.5f, -1.5f, 2f, 0.25f };
        var x = torch.tensor(values, requires_grad: true);
        var f = (x * x * x).sum();
        var g = torch.autograd.grad([f], [x], create_graph: true)[0]!;
        Assert.True(g.requires_grad);
        var penalty = (g * g).sum();
        var gg = torch.autograd.grad([penalty], [x])[0]!;
        var expected = values.Select(v => 36f * v * v * v).ToArray();
        Assert.Equal(expected, gg.ToArray<float>(), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Gradient_penalty_through_a_critic_matches_pytorch()
    {
        using var oracle = new PyTorchOracle();
        torch.manual_seed(21);
        using var critic = new Euterpe.Training.Torch.Modules.Sequential(
            new Euterpe.Training.Torch.Modules.Linear(3, 5), new Euterpe.Training.Torch.Modules.Linear(5, 1));
        var x = torch.randn(4, 3).requires_grad_();
        var score = critic.call(x).tanh();
        var grad = torch.autograd.grad([score], [x], [torch.ones(score.shape)], create_graph: true)[0]!;
        var gradNorm = (grad * grad).sum(1).sqrt();
        var penalty = ((gradNorm - 1) * (gradNorm - 1)).mean();
        penalty.backward();

        var inputs = critic.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value).Append(new("x", x));
        var py = oracle.Run(inputs, """
            m = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Linear(5, 1))
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            x = IN['x'].clone().requires_grad_(True)
            s = torch.tanh(m(x))
            g, = torch.autograd.grad(s, x, torch.ones_like(s), create_graph=True)
            p = ((g.pow(2).sum(1).sqrt() - 1) ** 2).mean()
            p.backward()
            OUT['penalty'] = p
            for n, q in m.named_parameters():
                OUT['grad.' + n] = q.grad
            """);
        TensorAssert.Close(py["penalty"], penalty, "penalty");
        foreach (var (name, p) in critic.named_parameters()) TensorAssert.Close(py["grad." + name], p.grad!, "grad of " + name);
    }

    [Fact]
    public void No_grad_scope_stops_tracking_and_restores_it()
    {
        var w = torch.ones([2], requires_grad: true);
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            Assert.False((w * 2).requires_grad);
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True((w * 2).requires_grad);
    }

    [Fact]
    public void Unused_input_is_null_only_when_allowed()
    {
        var a = torch.ones([2], requires_grad: true);
        var b = torch.ones([2], requires_grad: true);
        var grads = torch.autograd.grad([(a * 2).sum()], [a, b], allow_unused: true);
        Assert.NotNull(grads[0]);
        Assert.Null(grads[1]);
        var e = Assert.Throws<TorchException>(() => torch.autograd.grad([(a * 2).sum()], [a, b]));
        Assert.Contains("not have been used", e.Message);
    }
}
