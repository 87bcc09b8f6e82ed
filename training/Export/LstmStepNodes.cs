using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using TorchSharp.Modules;

namespace Euterpe.Training.Export;

/// <summary>
/// A TorchSharp LSTM as one-step ONNX nodes: one ONNX LSTM per layer (PyTorch's gate order converted by
/// <see cref="TorchRecurrentLayout"/>), each fed h0_l{k}/c0_l{k} [1, 1, H] and giving hn_l{k}/cn_l{k}, so that one Run
/// is one step with the state carried by the caller. Layers are numbered across a graph's LSTMs.
/// </summary>
public static class LstmStepNodes
{
    public static string HiddenInput(int layer) => $"h0_l{layer}";
    public static string HiddenOutput(int layer) => $"hn_l{layer}";
    public static string CellInput(int layer) => $"c0_l{layer}";
    public static string CellOutput(int layer) => $"cn_l{layer}";

    /// <summary>Adds every layer of <paramref name="lstm"/> over x [seq, batch, in]; state pairs are numbered from <paramref name="firstLayer"/>.</summary>
    /// <returns>The last layer's output, [seq, batch, H].</returns>
    public static OnnxValue Add(OnnxGraphBuilder b, LSTM lstm, string name, int layers, int hidden, int firstLayer, OnnxValue x)
    {
        var parameters = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (var l = 0; l < layers; l++)
        {
            var weights = TorchRecurrentLayout.Lstm(TorchWeights.Floats(parameters[$"weight_ih_l{l}"]), TorchWeights.Floats(parameters[$"weight_hh_l{l}"]),
                TorchWeights.Floats(parameters[$"bias_ih_l{l}"]), TorchWeights.Floats(parameters[$"bias_hh_l{l}"]), hidden);
            var state = firstLayer + l;
            var h0 = b.Input(HiddenInput(state), TensorElementType.Float, [1, 1, hidden]);
            var c0 = b.Input(CellInput(state), TensorElementType.Float, [1, 1, hidden]);
            var outputs = b.Lstm(x, b.Initializer($"{name}.W_l{l}", weights.W, weights.WShape), b.Initializer($"{name}.R_l{l}", weights.R, weights.RShape),
                b.Initializer($"{name}.B_l{l}", weights.B, weights.BShape), hidden, initialH: h0, initialC: c0);
            b.Output(outputs.LastHidden, HiddenOutput(state), TensorElementType.Float, [1, 1, hidden]);
            b.Output(outputs.LastCell!.Value, CellOutput(state), TensorElementType.Float, [1, 1, hidden]);
            x = b.Squeeze(outputs.Sequence, 1); // Y [seq, dirs, batch, H] → [seq, batch, H]
        }
        return x;
    }

    /// <summary>The (h, c) state pairs of <paramref name="layers"/> layers, in graph order, with their shape.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(int layers, int hidden)
    {
        for (var l = 0; l < layers; l++)
        {
            yield return (HiddenInput(l), HiddenOutput(l), [1, 1, hidden]);
            yield return (CellInput(l), CellOutput(l), [1, 1, hidden]);
        }
    }
}
