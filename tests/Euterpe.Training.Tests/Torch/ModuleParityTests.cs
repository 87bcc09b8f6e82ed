using Euterpe.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

/// <summary>
/// Forward outputs and gradients of TorchSharp's layers (libtorch 2.10) that the families use against PyTorch 1.13's,
/// with identical weights and inputs.
/// </summary>
public sealed class ModuleParityTests : IDisposable
{
    private readonly PyTorchOracle oracle = new();
    private readonly IDisposable scope = StartScope();

    private static IDisposable StartScope()
    {
        TorchRuntime.EnsureLoaded();
        return torch.NewDisposeScope();
    }

    public void Dispose()
    {
        scope.Dispose();
        oracle.Dispose();
    }

    [Fact]
    public void Linear_matches_pytorch() => CheckParity(nn.Linear(5, 3), [4, 5], "torch.nn.Linear(5, 3)", train: true);

    [Fact]
    public void Conv2d_matches_pytorch() =>
        CheckParity(nn.Conv2d(3, 4, (3, 2), stride: (2, 1), padding: (1, 1)), [2, 3, 7, 6],
            "torch.nn.Conv2d(3, 4, (3, 2), stride=(2, 1), padding=(1, 1))", train: true);

    [Fact]
    public void ConvTranspose2d_matches_pytorch() =>
        CheckParity(nn.ConvTranspose2d(4, 2, 3, stride: 2, padding: 1, output_padding: 1), [2, 4, 5, 4],
            "torch.nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1)", train: true);

    [Fact]
    public void BatchNorm2d_matches_pytorch_in_train_mode_including_running_stats() =>
        CheckParity(nn.BatchNorm2d(3), [4, 3, 5, 5], "torch.nn.BatchNorm2d(3)", train: true, perturbParameters: true);

    [Fact]
    public void Untracked_BatchNorm2d_has_no_counter_and_matches_pytorch_in_train_mode_including_running_stats()
    {
        var bn = UntrackedBatchNorm.Of2d(3);
        Assert.Equal(["running_mean", "running_var"], bn.named_buffers().Select(b => b.name).Order());
        // Three training steps: the running statistics move by momentum 0.1 each time, as PyTorch's do with its counter.
        for (var i = 0; i < 2; i++) bn.call(torch.randn(4, 3, 5, 5) * (i + 2));
        CheckParity(bn, [4, 3, 5, 5], "torch.nn.BatchNorm2d(3)", train: true, perturbParameters: true);
    }

    [Fact]
    public void BatchNorm2d_matches_pytorch_in_eval_mode()
    {
        var bn = nn.BatchNorm2d(3);
        using (torch.no_grad())
        {
            bn.running_mean!.copy_(torch.tensor(new[] { 0.5f, -1f, 2f }));
            bn.running_var!.copy_(torch.tensor(new[] { 0.25f, 2f, 4f }));
        }
        CheckParity(bn, [4, 3, 5, 5], "torch.nn.BatchNorm2d(3)", train: false, perturbParameters: true);
    }

    [Fact]
    public void Sequential_of_conv_prelu_pool_layernorm_matches_pytorch() =>
        CheckParity(nn.Sequential(nn.Conv1d(2, 4, 3, padding: 1), nn.PReLU(4), nn.MaxPool1d(2), nn.LayerNorm([4, 4])), [3, 2, 8],
            "torch.nn.Sequential(torch.nn.Conv1d(2, 4, 3, padding=1), torch.nn.PReLU(4), torch.nn.MaxPool1d(2), torch.nn.LayerNorm([4, 4]))",
            train: true, perturbParameters: true);

    [Fact]
    public void Lstm_two_layers_batch_first_with_state_matches_pytorch()
    {
        torch.manual_seed(11);
        using var lstm = nn.LSTM(6, 5, numLayers: 2, batchFirst: true);
        var x = torch.randn(3, 4, 6).requires_grad_();
        var h0 = torch.randn(2, 3, 5).requires_grad_();
        var c0 = torch.randn(2, 3, 5).requires_grad_();
        var (output, hn, cn) = lstm.forward(x, (h0, c0));
        var (go, gh, gc) = (torch.randn(output.shape), torch.randn(hn.shape), torch.randn(cn.shape));
        ((output * go).sum() + (hn * gh).sum() + (cn * gc).sum()).backward();

        var inputs = Params(lstm).Concat(new Dictionary<string, Tensor> { ["x"] = x, ["h0"] = h0, ["c0"] = c0, ["go"] = go, ["gh"] = gh, ["gc"] = gc });
        var py = oracle.Run(inputs, """
            m = torch.nn.LSTM(6, 5, num_layers=2, batch_first=True)
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            x, h0, c0 = (IN[k].clone().requires_grad_(True) for k in ('x', 'h0', 'c0'))
            out, (hn, cn) = m(x, (h0, c0))
            ((out * IN['go']).sum() + (hn * IN['gh']).sum() + (cn * IN['gc']).sum()).backward()
            OUT.update({'output': out, 'h_n': hn, 'c_n': cn, 'x.grad': x.grad, 'h0.grad': h0.grad, 'c0.grad': c0.grad})
            for n, p in m.named_parameters():
                OUT['grad.' + n] = p.grad
            """);
        TensorAssert.Close(py["output"], output, "output");
        TensorAssert.Close(py["h_n"], hn, "h_n");
        TensorAssert.Close(py["c_n"], cn, "c_n");
        TensorAssert.Close(py["x.grad"], x.grad!, "x.grad");
        TensorAssert.Close(py["h0.grad"], h0.grad!, "h0.grad");
        TensorAssert.Close(py["c0.grad"], c0.grad!, "c0.grad");
        AssertParameterGrads(lstm, py);
    }

    [Fact]
    public void Gru_two_layers_with_state_matches_pytorch()
    {
        torch.manual_seed(12);
        using var gru = nn.GRU(4, 3, numLayers: 2);
        var x = torch.randn(5, 2, 4).requires_grad_();
        var h0 = torch.randn(2, 2, 3).requires_grad_();
        var (output, hn) = gru.forward(x, h0);
        var (go, gh) = (torch.randn(output.shape), torch.randn(hn.shape));
        ((output * go).sum() + (hn * gh).sum()).backward();

        var inputs = Params(gru).Concat(new Dictionary<string, Tensor> { ["x"] = x, ["h0"] = h0, ["go"] = go, ["gh"] = gh });
        var py = oracle.Run(inputs, """
            m = torch.nn.GRU(4, 3, num_layers=2)
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            x, h0 = IN['x'].clone().requires_grad_(True), IN['h0'].clone().requires_grad_(True)
            out, hn = m(x, h0)
            ((out * IN['go']).sum() + (hn * IN['gh']).sum()).backward()
            OUT.update({'output': out, 'h_n': hn, 'x.grad': x.grad, 'h0.grad': h0.grad})
            for n, p in m.named_parameters():
                OUT['grad.' + n] = p.grad
            """);
        TensorAssert.Close(py["output"], output, "output");
        TensorAssert.Close(py["h_n"], hn, "h_n");
        TensorAssert.Close(py["x.grad"], x.grad!, "x.grad");
        TensorAssert.Close(py["h0.grad"], h0.grad!, "h0.grad");
        AssertParameterGrads(gru, py);
    }

    [Fact]
    public void Lstm_dropout_between_layers_acts_only_in_training()
    {
        torch.manual_seed(13);
        using var lstm = nn.LSTM(3, 8, numLayers: 2, batchFirst: true, dropout: 0.5);
        using var x = torch.randn(2, 5, 3);
        var (train1, _, _) = lstm.forward(x);
        var (train2, _, _) = lstm.forward(x);
        lstm.eval();
        var (eval1, _, _) = lstm.forward(x);
        var (eval2, _, _) = lstm.forward(x);
        Assert.NotEqual(TensorAssert.Values<float>(train1), TensorAssert.Values<float>(train2));
        Assert.Equal(TensorAssert.Values<float>(eval1), TensorAssert.Values<float>(eval2));
    }

    [Fact]
    public void Parameter_initialisation_follows_pytorch_for_the_same_seed()
    {
        torch.manual_seed(7);
        using var linear = nn.Linear(6, 4);
        var py = oracle.Run([], """
            torch.manual_seed(7)
            m = torch.nn.Linear(6, 4)
            OUT['weight'], OUT['bias'] = m.weight, m.bias
            """);
        TensorAssert.Close(py["weight"], linear.weight, "weight", 0, 0);
        TensorAssert.Close(py["bias"], linear.bias!, "bias", 0, 0);
    }

    private void CheckParity(nn.Module<Tensor, Tensor> module, long[] inputShape, string pyModule, bool train, bool perturbParameters = false)
    {
        torch.manual_seed(5);
        if (perturbParameters)
        {
            // Non-trivial affine parameters so their gradients are tested away from the ones/zeros initialisation.
            using var noGrad = torch.no_grad();
            foreach (var p in module.parameters()) p.copy_(torch.rand(p.shape) + 0.5);
        }
        var before = module.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value.clone());
        module.train(train);
        var x = torch.randn(inputShape).requires_grad_();
        var y = module.call(x);
        var g = torch.randn(y.shape);
        (y * g).sum().backward();

        var inputs = before.Concat(new Dictionary<string, Tensor> { ["x"] = x, ["g"] = g });
        var py = oracle.Run(inputs, $$"""
            m = {{pyModule}}
            m.load_state_dict({k[6:]: v for k, v in IN.items() if k.startswith('param.')})
            m.train({{(train ? "True" : "False")}})
            x = IN['x'].clone().requires_grad_(True)
            y = m(x)
            (y * IN['g']).sum().backward()
            OUT['y'], OUT['x.grad'] = y, x.grad
            for n, p in m.named_parameters():
                OUT['grad.' + n] = p.grad
            for n, b in m.named_buffers():
                OUT['buffer.' + n] = b
            """);
        TensorAssert.Close(py["y"], y, "output");
        TensorAssert.Close(py["x.grad"], x.grad!, "input grad");
        AssertParameterGrads(module, py);
        foreach (var (name, buffer) in module.named_buffers())
        {
            if (buffer.dtype == ScalarType.Int64) Assert.Equal(TensorAssert.Values<long>(py["buffer." + name]), TensorAssert.Values<long>(buffer));
            else TensorAssert.Close(py["buffer." + name], buffer, "buffer " + name);
        }
    }

    private static Dictionary<string, Tensor> Params(nn.Module m) => m.state_dict().ToDictionary(kv => "param." + kv.Key, kv => kv.Value);

    private static void AssertParameterGrads(nn.Module module, Dictionary<string, Tensor> py)
    {
        var count = 0;
        foreach (var (name, p) in module.named_parameters())
        {
            TensorAssert.Close(py["grad." + name], p.grad!, "grad of " + name);
            count++;
        }
        Assert.Equal(py.Keys.Count(k => k.StartsWith("grad.", StringComparison.Ordinal)), count);
    }
}
