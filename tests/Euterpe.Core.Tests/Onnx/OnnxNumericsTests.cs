using System.Text.Json;

namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// Runs written models through <see cref="NumpyGraphEvaluator"/> and compares with the maths written out
/// directly in numpy (or, for the convolution stack, as torch.nn modules). LSTM/GRU parity is in TorchRecurrentParityTests.
/// </summary>
public class OnnxNumericsTests
{
    private static JsonElement Evaluate(string name, string testCode)
    {
        using var dir = new TempFolder();
        var path = dir.File(name + ".onnx");
        TestModels.Build(name).Save(path);
        var output = PythonRunner.RunCode(NumpyGraphEvaluator.Prelude + testCode, path);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void MlpComputesItsFormula()
    {
        var result = Evaluate("mlp", """
            x = rng.standard_normal((3, 4)).astype(np.float32)
            h = np.maximum(x @ W["W1"] + W["b1"], 0)
            y = 0.5 * h @ W["W2"].T + W["b2"]
            y = np.where(y < 0, 0.2 * y, y)
            y = np.where(y < 0, np.array([0.1, 0.2, 0.3], np.float32) * y, y)
            y = np.tanh(y) - 1 / (1 + np.exp(-y))
            y = y * 3 / 2
            y = np.abs(y) + y ** 2
            report(run(m, {"x": x}), {"probs": softmax(y, -1)})
            """);
        Assert.True(result.GetProperty("maxError").GetDouble() < 1e-5, result.ToString());
        Assert.Equal("[3,3]", result.GetProperty("shapes").GetProperty("probs").GetRawText().Replace(" ", ""));
    }

    [Fact]
    public void AttentionComputesSoftmaxQKOverRootDTimesV()
    {
        var result = Evaluate("attention", """
            x = rng.standard_normal((1, 6, 8)).astype(np.float32)
            def heads(w): return (x @ W[w]).reshape(1, 6, 2, 4).transpose(0, 2, 1, 3)
            q, k, v = heads("Wq"), heads("Wk"), heads("Wv")
            out = np.zeros((1, 2, 6, 4), np.float32)
            for hd in range(2):
                scores = q[0, hd] @ k[0, hd].T / np.sqrt(4.0)
                out[0, hd] = softmax(scores, -1) @ v[0, hd]
            attended = out.transpose(0, 2, 1, 3).reshape(1, 6, 8) + x
            report(run(m, {"x": x}), {"attended": attended, "head": x[:, :2, :], "tail": x[:, 2:6, :]})
            """);
        Assert.True(result.GetProperty("maxError").GetDouble() < 1e-5, result.ToString());
    }

    [Fact]
    public void IndexingOpsComputeTheirDefinitions()
    {
        var result = Evaluate("indexing", """
            x = np.array([[1.5, 0.0, -2.0], [0.0, 4.0, 0.25]], np.float32)
            index = np.array([2, 0], np.int64)
            want = {"gathered": x[:, [2, 0]], "replaced": np.where(x == 0, -1, x).astype(np.float32),
                    "as_int": x.astype(np.int32), "shape": np.array([2, 3]), "expanded": np.stack([x] * 4),
                    "mean": x.mean(axis=1, keepdims=True), "sum": x.sum(axis=0), "copy": x}
            report(run(m, {"x": x, "index": index}), want)
            """);
        Assert.Equal(0.0, result.GetProperty("maxError").GetDouble());
    }

    [Fact]
    public void ConvolutionStackMatchesTorchModules()
    {
        var result = Evaluate("conv", """
            import torch
            x = rng.standard_normal((1, 2, 8, 8)).astype(np.float32)
            conv = torch.nn.Conv2d(2, 4, 3, padding=1)
            bn = torch.nn.BatchNorm2d(4, eps=1e-5).eval()
            up = torch.nn.ConvTranspose2d(4, 2, 2, stride=2, bias=False)
            with torch.no_grad():
                conv.weight.copy_(torch.from_numpy(W["K"])); conv.bias.copy_(torch.from_numpy(W["Kb"]))
                bn.weight.copy_(torch.from_numpy(W["gamma"])); bn.bias.copy_(torch.from_numpy(W["beta"]))
                bn.running_mean.copy_(torch.from_numpy(W["mean"])); bn.running_var.copy_(torch.from_numpy(W["var"]))
                up.weight.copy_(torch.from_numpy(W["T"]))
                pooled = torch.nn.MaxPool2d(2, 2)(torch.relu(bn(conv(torch.from_numpy(x)))))
                want = {"pooled": pooled.numpy(), "upsampled": up(pooled).numpy()}
            report(run(m, {"image": x}), want)
            """);
        Assert.True(result.GetProperty("maxError").GetDouble() < 1e-5, result.ToString());
    }
}
