using Euterpe.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

/// <summary>
/// Gradients of gradients, as the WGAN-GP families' gradient penalty needs them. Unlike PyTorch, TorchSharp's
/// autograd.grad does not default retain_graph to create_graph: both are passed.
/// </summary>
public sealed class AutogradTests : IDisposable
{
    private readonly IDisposable scope;

    public AutogradTests()
    {
        TorchRuntime.EnsureLoaded();
        scope = torch.NewDisposeScope();
    }

    public void Dispose() => scope.Dispose();

    [Fact]
    public void Backward_gives_the_analytic_gradient()
    {
        var x = torch.tensor(new[] { 1f, -2f, 3f }, requires_grad: true);
        (x * x * x).sum().backward();
        Assert.Equal(new[] { 3f, 12f, 27f }, TensorAssert.Values<float>(x.grad!));
    }

    [Fact]
    public void Second_order_gradient_of_a_gradient_norm_matches_the_analytic_one()
    {
        // f(x) = Σ x³ ⇒ g = 3x², ‖g‖² = 9 Σ x⁴ ⇒ d‖g‖²/dx = 36 x³ (the WGAN-GP pattern: penalty on a gradient's norm).
        var values = new[] { 0.5f, -1.5f, 2f, 0.25f };
        var x = torch.tensor(values, requires_grad: true);
        var f = (x * x * x).sum();
        var g = torch.autograd.grad([f], [x], retain_graph: true, create_graph: true)[0];
        Assert.True(g.requires_grad);
        var penalty = (g * g).sum();
        var gg = torch.autograd.grad([penalty], [x])[0];
        var expected = values.Select(v => 36f * v * v * v).ToArray();
        Assert.Equal(expected, TensorAssert.Values<float>(gg), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Gradient_penalty_through_a_critic_matches_pytorch()
    {
        using var oracle = new PyTorchOracle();
        torch.manual_seed(21);
        using var critic = nn.Sequential(("0", nn.Linear(3, 5)), ("1", nn.Linear(5, 1)));
        var x = torch.randn(4, 3).requires_grad_();
        var score = critic.forward(x).tanh();
        var grad = torch.autograd.grad([score], [x], [torch.ones(score.shape)], retain_graph: true, create_graph: true)[0];
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
}
