using Euterpe.Core;
using Euterpe.Training.Torch;

namespace Euterpe.Training.Tests.Torch;

public sealed class TensorOpsTests : IDisposable
{
    private readonly DisposeScope scope = torch.NewDisposeScope();

    public void Dispose() => scope.Dispose();

    [Fact]
    public void Shape_mismatch_in_matmul_is_a_TorchException_with_libtorchs_message()
    {
        var a = torch.ones(2, 3);
        var b = torch.ones(4, 5);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.IsAssignableFrom<EuterpeException>(e);
        Assert.Contains("cannot be multiplied", e.Message);
        Assert.Contains("2x3", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        // The error is consumed: the next call works.
        Assert.Equal(new long[] { 2, 5 }, a.matmul(torch.ones(3, 5)).shape);
    }

    [Fact]
    public void Cuda_request_without_cuda_is_a_clear_error()
    {
        if (torch.cuda_is_available()) return; // nothing to check on a GPU machine
        var e = Assert.Throws<TorchException>(() => torch.zeros([2], device: Device.CUDA));
        Assert.Contains("CUDA is not available", e.Message);
    }

    [Fact]
    public void Same_seed_gives_the_same_numbers_as_pytorch()
    {
        torch.manual_seed(123);
        var a = torch.randn(5).ToArray<float>();
        var u = torch.rand(3).ToArray<float>();
        torch.manual_seed(123);
        Assert.Equal(a, torch.randn(5).ToArray<float>());
        using var oracle = new PyTorchOracle();
        var py = oracle.Run([], """
            torch.manual_seed(123)
            OUT['a'] = torch.randn(5)
            OUT['u'] = torch.rand(3)
            """);
        Assert.Equal(py["a"].ToArray<float>(), a);
        Assert.Equal(py["u"].ToArray<float>(), u);
    }

    [Fact]
    public void Elementwise_reductions_and_shapes_compute_what_pytorch_does()
    {
        torch.manual_seed(9);
        var x = torch.randn(2, 3, 4);
        var y = torch.randn(2, 3, 4);
        var idx = torch.tensor(new long[] { 2, 0 });
        var ours = new Dictionary<string, Tensor>
        {
            ["arith"] = (x + y) * 2 - y / (x.abs() + 1) + (-x),
            ["unary"] = x.exp().log() + x.tanh() + x.sigmoid() + x.relu() + x.leaky_relu(0.2) + x.abs().sqrt() + x.pow(2) + x.clamp(-0.5, 0.5),
            ["where"] = torch.where(x.gt(0), x, y),
            ["sum"] = x.sum(1), ["mean"] = x.mean([0, 2], keepdim: true), ["max"] = x.max(2).values, ["argmax"] = x.argmax(1),
            ["lse"] = x.logsumexp(2), ["logsm"] = x.log_softmax(-1), ["sm"] = x.softmax(0),
            ["bmm"] = x.bmm(y.transpose(1, 2)), ["matmul"] = x.matmul(y.permute(0, 2, 1)),
            ["cat"] = torch.cat([x, y], 1), ["stack"] = torch.stack([x, y], 0), ["narrow"] = x.narrow(2, 1, 2),
            ["index_select"] = x.index_select(1, idx), ["gather"] = x.gather(2, torch.zeros([2, 3, 1], ScalarType.Int64)),
            ["expand"] = x.narrow(0, 0, 1).expand(3, 3, 4).contiguous(), ["unsq"] = x.unsqueeze(1).squeeze(1).reshape(6, 4).view(4, 6),
            ["ce"] = torch.nn.functional.cross_entropy(x.reshape(6, 4), torch.tensor(new long[] { 0, 1, 2, 3, 0, 1 })),
            ["nll"] = torch.nn.functional.nll_loss(x.reshape(6, 4).log_softmax(1), torch.tensor(new long[] { 3, 1, 2, 3, 0, 1 })),
            ["mse"] = torch.nn.functional.mse_loss(x, y),
            ["bce"] = torch.nn.functional.binary_cross_entropy_with_logits(x, y.sigmoid()),
            ["eye"] = torch.eye(3) + torch.full([3, 3], 0.5) + torch.arange(0, 3, 1, ScalarType.Float32),
        };
        using var oracle = new PyTorchOracle();
        var py = oracle.Run([new("x", x), new("y", y), new("idx", idx)], """
            x, y, idx = IN['x'], IN['y'], IN['idx']
            F = torch.nn.functional
            OUT['arith'] = (x + y) * 2 - y / (x.abs() + 1) + (-x)
            OUT['unary'] = x.exp().log() + x.tanh() + x.sigmoid() + x.relu() + F.leaky_relu(x, 0.2) + x.abs().sqrt() + x.pow(2) + x.clamp(-0.5, 0.5)
            OUT['where'] = torch.where(x > 0, x, y)
            OUT['sum'], OUT['mean'], OUT['max'], OUT['argmax'] = x.sum(1), x.mean((0, 2), keepdim=True), x.max(2).values, x.argmax(1)
            OUT['lse'], OUT['logsm'], OUT['sm'] = x.logsumexp(2), x.log_softmax(-1), x.softmax(0)
            OUT['bmm'], OUT['matmul'] = x.bmm(y.transpose(1, 2)), x.matmul(y.permute(0, 2, 1))
            OUT['cat'], OUT['stack'], OUT['narrow'] = torch.cat([x, y], 1), torch.stack([x, y], 0), x.narrow(2, 1, 2)
            OUT['index_select'], OUT['gather'] = x.index_select(1, idx), x.gather(2, torch.zeros(2, 3, 1, dtype=torch.long))
            OUT['expand'], OUT['unsq'] = x[:1].expand(3, 3, 4).contiguous(), x.reshape(4, 6)
            OUT['ce'] = F.cross_entropy(x.reshape(6, 4), torch.tensor([0, 1, 2, 3, 0, 1]))
            OUT['nll'] = F.nll_loss(x.reshape(6, 4).log_softmax(1), torch.tensor([3, 1, 2, 3, 0, 1]))
            OUT['mse'], OUT['bce'] = F.mse_loss(x, y), F.binary_cross_entropy_with_logits(x, y.sigmoid())
            OUT['eye'] = torch.eye(3) + torch.full((3, 3), 0.5) + torch.arange(0, 3, dtype=torch.float32)
            """);
        foreach (var (k, v) in ours)
        {
            if (v.dtype == ScalarType.Int64) Assert.Equal(py[k].ToArray<long>(), v.ToArray<long>());
            else TensorAssert.Close(py[k], v, k);
        }
    }

    [Fact]
    public void Multinomial_draws_only_allowed_classes_with_roughly_the_right_frequency()
    {
        torch.manual_seed(2);
        var probs = torch.tensor(new[] { 0.1f, 0f, 0.9f });
        var draws = probs.multinomial(2000, replacement: true).ToArray<long>();
        Assert.DoesNotContain(1L, draws);
        var twos = draws.Count(d => d == 2) / 2000.0;
        Assert.InRange(twos, 0.85, 0.95);
    }

    [Fact]
    public void Creation_from_arrays_checks_the_shape()
    {
        var t = torch.tensor(new[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal(ScalarType.Int32, t.dtype);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(21L, t.sum().item<long>()); // integer sums widen to int64, as in PyTorch
        Assert.Throws<TorchException>(() => torch.tensor(new[] { 1f, 2f, 3f }, 2, 2));
        Assert.Throws<TorchException>(() => t.ToArray<float>());
    }
}
