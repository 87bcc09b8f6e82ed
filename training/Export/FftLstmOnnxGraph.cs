using Euterpe.Core.Inference;
using Euterpe.Core.Onnx;
using Euterpe.Training.Models;
using Euterpe.Training.Torch.Modules;

namespace Euterpe.Training.Export;

/// <summary>
/// Builds the one-frame step graph of an <see cref="FftLstm"/>: raw frame float [1, 1, F] → normalise with the
/// checkpoint's mean and std → the architecture's per-frame features → one ONNX LSTM per recurrent layer, each fed
/// h0_l{k}/c0_l{k} [1, 1, H] and giving hn_l{k}/cn_l{k} (the bilinear model's two LSTMs are layers 0 and 1, summed) →
/// MatMul + Add → de-normalise → next_frame [1, F]. The 2-D convolution also carries its last K − 1 normalised frames
/// as state (frames_in → frames_out, [1, K − 1, F], zeros at the start as in training). One Run is one frame.
/// </summary>
public static class FftLstmOnnxGraph
{
    public const string FrameInput = "frame";
    public const string FrameOutput = "next_frame";
    public const string WindowInput = "frames_in";
    public const string WindowOutput = "frames_out";

    public static string HiddenInput(int layer) => $"h0_l{layer}";
    public static string HiddenOutput(int layer) => $"hn_l{layer}";
    public static string CellInput(int layer) => $"c0_l{layer}";
    public static string CellOutput(int layer) => $"cn_l{layer}";

    public static OnnxModel Build(FftLstm model, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var c = model.Config;
        var (f, hidden) = ((long)c.FrameSize, (long)c.Hidden);
        var b = new OnnxGraphBuilder("fft_lstm_step");
        var frame = b.Input(FrameInput, TensorElementType.Float, [1, 1, f]);
        var mean = b.Initializer("frame_mean", TorchWeights.Floats(model.frame_mean), [f]);
        var std = b.Initializer("frame_std", TorchWeights.Floats(model.frame_std), [f]);
        var x = b.Div(b.Sub(frame, mean), std); // [1, 1, F]
        switch (c.Arch)
        {
            case FftLstmConfig.Fc or FftLstmConfig.Bilinear:
                x = b.Relu(Dense(b, "features", model.features!, b.Reshape(x, 1, f)));
                break;
            case FftLstmConfig.Conv1d:
            {
                var conv = model.conv1!;
                var y = b.Conv(b.Reshape(x, 1, 1, f), b.Initializer("conv1.weight", TorchWeights.Floats(conv.weight), [c.Channels, 1, c.Kernel]),
                    b.Initializer("conv1.bias", TorchWeights.Floats(conv.bias!), [c.Channels]), [c.Kernel], pads: [c.Kernel / 2, c.Kernel / 2]);
                x = b.MaxPool(b.Relu(y), [c.Pool], strides: [c.Pool]);
                break;
            }
            case FftLstmConfig.Conv2d:
            {
                var conv = model.conv2!;
                var previous = b.Input(WindowInput, TensorElementType.Float, [1, c.Context - 1, f]);
                var window = b.Concat(1, previous, x); // [1, K, F], oldest first
                b.Output(b.Slice(window, [1], [c.Context], [1]), WindowOutput, TensorElementType.Float, [1, c.Context - 1, f]);
                var channels = b.Transpose(b.Reshape(window, 1, c.Context, 2, c.Bins), 0, 2, 1, 3); // [1, 2, K, bins]
                var y = b.Conv(channels, b.Initializer("conv2.weight", TorchWeights.Floats(conv.weight), [c.Channels, 2, c.Context, c.Kernel]),
                    b.Initializer("conv2.bias", TorchWeights.Floats(conv.bias!), [c.Channels]), [c.Context, c.Kernel], pads: [0, c.Kernel / 2, 0, c.Kernel / 2]);
                x = b.MaxPool(b.Relu(y), [1, c.Pool], strides: [1, c.Pool]);
                break;
            }
        }
        x = b.Reshape(x, 1, 1, c.LstmInput);

        OnnxValue? summed = null;
        var layer = 0;
        var lstms = model.lstm2 is null ? new[] { model.lstm } : [model.lstm, model.lstm2];
        foreach (var (lstm, index) in lstms.Select((l, i) => (l, i)))
        {
            var input = x;
            var parameters = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            var depth = model.lstm2 is null && c.Arch == FftLstmConfig.Stacked ? c.Layers : 1;
            for (var l = 0; l < depth; l++, layer++)
            {
                var weights = TorchRecurrentLayout.Lstm(TorchWeights.Floats(parameters[$"weight_ih_l{l}"]), TorchWeights.Floats(parameters[$"weight_hh_l{l}"]),
                    TorchWeights.Floats(parameters[$"bias_ih_l{l}"]), TorchWeights.Floats(parameters[$"bias_hh_l{l}"]), c.Hidden);
                var name = index == 0 ? "lstm" : "lstm2";
                var h0 = b.Input(HiddenInput(layer), TensorElementType.Float, [1, 1, hidden]);
                var c0 = b.Input(CellInput(layer), TensorElementType.Float, [1, 1, hidden]);
                var outputs = b.Lstm(input, b.Initializer($"{name}.W_l{l}", weights.W, weights.WShape), b.Initializer($"{name}.R_l{l}", weights.R, weights.RShape),
                    b.Initializer($"{name}.B_l{l}", weights.B, weights.BShape), hidden, initialH: h0, initialC: c0);
                b.Output(outputs.LastHidden, HiddenOutput(layer), TensorElementType.Float, [1, 1, hidden]);
                b.Output(outputs.LastCell!.Value, CellOutput(layer), TensorElementType.Float, [1, 1, hidden]);
                input = b.Squeeze(outputs.Sequence, 1); // Y [seq, dirs, batch, H] → [seq, batch, H]
            }
            summed = summed is null ? input : b.Add(summed.Value, input);
        }
        var next = Dense(b, "output", model.output, b.Reshape(summed!.Value, 1, hidden)); // [1, F], normalised
        b.Output(b.Add(b.Mul(next, std), mean), FrameOutput, TensorElementType.Float, [1, f]);
        return b.ToModel(metadata, docString: $"fft-lstm {c.Arch} {c.Name}: one {c.FrameSize}-value frame in, the next out, {c.RecurrentLayers}×{c.Hidden} LSTM state carried");
    }

    /// <summary>The names of the state pairs in graph order, with their shapes.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(FftLstmConfig c)
    {
        for (var l = 0; l < c.RecurrentLayers; l++)
        {
            yield return (HiddenInput(l), HiddenOutput(l), [1, 1, c.Hidden]);
            yield return (CellInput(l), CellOutput(l), [1, 1, c.Hidden]);
        }
        if (c.Arch == FftLstmConfig.Conv2d) yield return (WindowInput, WindowOutput, [1, c.Context - 1, c.FrameSize]);
    }

    private static OnnxValue Dense(OnnxGraphBuilder b, string name, Linear linear, OnnxValue x)
    {
        var weight = linear.weight;
        var (outFeatures, inFeatures) = ((int)weight.shape[0], (int)weight.shape[1]);
        var w = b.Initializer($"{name}.weight_t", TorchWeights.Transpose(TorchWeights.Floats(weight), outFeatures, inFeatures), [inFeatures, outFeatures]);
        return b.Add(b.MatMul(x, w), b.Initializer($"{name}.bias", TorchWeights.Floats(linear.bias!), [outFeatures]));
    }
}
