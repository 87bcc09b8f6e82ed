using System.Text.Json;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// PyTorch (python3-torch) is the independent reference for the LSTM layer: its weights, reordered by
/// <see cref="TorchRecurrentLayout"/> into a model our builder writes, must give PyTorch's outputs when the
/// model is evaluated by the ONNX equations.
/// </summary>
public class TorchRecurrentParityTests
{
    private const int Input = 6;
    private const int Hidden = 5;
    private const int Steps = 3;

    private const string MakeTorchLayer = """
        import torch
        torch.manual_seed(3)
        layer = torch.nn.LSTM(6, 5)

        """;

    [Fact]
    public void LstmLayerMatchesPyTorch()
    {
        const string kind = "lstm";
        using var dir = new TempFolder();
        var path = dir.File(kind + ".onnx");
        var weightsJson = PythonRunner.RunCode("import sys, json\n" + MakeTorchLayer +
            "print(json.dumps({k: v.detach().numpy().ravel().tolist() for k, v in layer.state_dict().items()}))", "-", kind);
        var state = JsonDocument.Parse(weightsJson).RootElement;
        float[] Get(string key) => state.GetProperty(key).EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var weights = TorchRecurrentLayout.Lstm(Get("weight_ih_l0"), Get("weight_hh_l0"), Get("bias_ih_l0"), Get("bias_hh_l0"), Hidden);

        var g = new OnnxGraphBuilder(kind);
        var x = g.Input("x", TensorElementType.Float, [Steps, 1, Input]);
        var h0 = g.Input("h0", TensorElementType.Float, [1, 1, Hidden]);
        var w = g.Initializer("W", weights.W, weights.WShape);
        var r = g.Initializer("R", weights.R, weights.RShape);
        var b = g.Initializer("B", weights.B, weights.BShape);
        var c0 = g.Input("c0", TensorElementType.Float, [1, 1, Hidden]);
        var lstm = g.Lstm(x, w, r, b, Hidden, initialH: h0, initialC: c0);
        g.Output(lstm.Sequence, "y", TensorElementType.Float, [Steps, 1, 1, Hidden]);
        g.Output(lstm.LastHidden, "h1", TensorElementType.Float, [1, 1, Hidden]);
        g.Output(lstm.LastCell!.Value, "c1", TensorElementType.Float, [1, 1, Hidden]);
        g.ToModel().Save(path);
        PythonOnnx.Check(path);

        var result = PythonRunner.RunCode(NumpyGraphEvaluator.Prelude + MakeTorchLayer + """
            x = rng.standard_normal((3, 1, 6)).astype(np.float32)
            h0 = rng.standard_normal((1, 1, 5)).astype(np.float32)
            c0 = rng.standard_normal((1, 1, 5)).astype(np.float32)
            with torch.no_grad():
                y, (h1, c1) = layer(torch.from_numpy(x), (torch.from_numpy(h0), torch.from_numpy(c0)))
                want = {"y": y.numpy()[:, None], "h1": h1.numpy(), "c1": c1.numpy()}
                feeds = {"x": x, "h0": h0, "c0": c0}
            report(run(m, feeds), want)
            """, path, kind);
        var error = JsonDocument.Parse(result).RootElement.GetProperty("maxError").GetDouble();
        Assert.True(error < 1e-5, result);
    }
}
