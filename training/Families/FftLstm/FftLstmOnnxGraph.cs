using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Builds the one-frame step graph of an <see cref="FftLstmModel"/>: raw frame float [1, 1, F] → normalise with the
/// checkpoint's mean and std → the architecture's per-frame features → one ONNX LSTM per recurrent layer, each fed
/// h0_l{k}/c0_l{k} [1, 1, H] and giving hn_l{k}/cn_l{k} (the bilinear model's two LSTMs are layers 0 and 1, summed) →
/// MatMul + Add → de-normalise → next_frame [1, F]. The 2-D convolution also carries its last K − 1 normalised frames
/// as state (frames_in → frames_out, [1, K − 1, F], zeros at the start as in training). A level head adds next_level,
/// its logits over the level classes [1, classes], and gives the LSTM the input frame's level beside its features. One
/// Run is one frame.
/// </summary>
public static class FftLstmOnnxGraph
{
    public const string FrameInput = "frame";
    public const string FrameOutput = "next_frame";
    public const string WindowInput = "frames_in";
    public const string WindowOutput = "frames_out";
    public const string LevelOutput = "next_level";

    public static OnnxModel Build(FftLstmModel model, IEnumerable<KeyValuePair<string, string>> metadata)
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
                x = b.Relu(LinearNodes.Add(b, "features", model.features!, b.Reshape(x, 1, f)));
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
        x = b.Reshape(x, 1, 1, c.FeatureWidth);
        if (model.LevelBins is { } bins)
        {
            // The frame's level as training gave it (FftLstmModel.LevelFeature): 10·log10(mean square + 1e-10), on the classes' range.
            var power = b.Node("ReduceMean", [b.Mul(frame, frame)], 1, OnnxAttribute.Of("axes", new long[] { 2 }), OnnxAttribute.Of("keepdims", 1L))[0];
            var db = b.Mul(b.Node("Log", [b.Add(power, b.Initializer("level_floor", [1e-10f], [1]))], 1)[0], b.Initializer("level_db_per_neper", [(float)(10 / Math.Log(10))], [1]));
            var feature = b.Div(b.Sub(db, b.Initializer("level_low", [bins.LowDb], [1])), b.Initializer("level_span", [bins.Count * bins.StepDb], [1]));
            x = b.Concat(2, x, feature); // [1, 1, LstmInput]
        }

        // Stacked: one LSTM of several layers; bilinear: two one-layer LSTMs over the same features, outputs summed.
        var recurrent = LstmStepNodes.Add(b, model.lstm, "lstm", c.Arch == FftLstmConfig.Stacked ? c.Layers : 1, c.Hidden, 0, x);
        if (model.lstm2 is not null) recurrent = b.Add(recurrent, LstmStepNodes.Add(b, model.lstm2, "lstm2", 1, c.Hidden, 1, x));
        var read = b.Reshape(recurrent, 1, hidden);
        var next = LinearNodes.Add(b, "output", model.output, read); // [1, F], normalised
        b.Output(b.Add(b.Mul(next, std), mean), FrameOutput, TensorElementType.Float, [1, f]);
        if (model.level_output is { } level)
            b.Output(LinearNodes.Add(b, "level_output", level, read), LevelOutput, TensorElementType.Float, [1, c.LevelClasses]);
        return b.ToModel(metadata, docString: $"fft-lstm {c.Arch} {c.Name}: one {c.FrameSize}-value frame in, the next out, {c.RecurrentLayers}×{c.Hidden} LSTM state carried");
    }

    /// <summary>The names of the state pairs in graph order, with their shapes.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(FftLstmConfig c)
    {
        foreach (var pair in LstmStepNodes.StatePairs(c.RecurrentLayers, c.Hidden)) yield return pair;
        if (c.Arch == FftLstmConfig.Conv2d) yield return (WindowInput, WindowOutput, [1, c.Context - 1, c.FrameSize]);
    }
}
