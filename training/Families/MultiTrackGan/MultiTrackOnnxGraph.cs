using Euterpe.Core.Encoding;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;
using Euterpe.Training.Families.PianoRollGan;
using TorchSharp.Modules;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// The multi-track generator as one ONNX graph in eval mode: z float [1, latent] in, the clip float [1, 17, 64, 128]
/// (values in [0, 1]) out. The fully connected layer is MatMul + Add, batch norms BatchNormalization with the running
/// statistics (<see cref="DcganOnnxGraph"/>'s nodes, as are the transposed convolutions), PReLU PRelu, the
/// self-attention 1×1 Convs, MatMuls and a Softmax over the keys, the output a Sigmoid. The critic is not exported.
/// </summary>
public static class MultiTrackOnnxGraph
{
    public const string LatentInput = "z";
    public const string ClipOutput = "clip";

    public static OnnxModel Build(MultiTrackGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var b = new OnnxGraphBuilder("wgan_gp_generator");
        var z = b.Input(LatentInput, TensorElementType.Float, [1, generator.Latent]);
        var x = LinearNodes.Add(b, "fc", generator.fc, z);
        x = b.Reshape(x, 1, MultiTrackGenerator.Channels, MultiTrackGenerator.Rows, MultiTrackGenerator.Columns);
        x = Activation(b, "act0", generator.act0, DcganOnnxGraph.Norm(b, "bn0", generator.bn0, x));
        x = Activation(b, "act1", generator.act1, DcganOnnxGraph.Norm(b, "bn1", generator.bn1, DcganOnnxGraph.Up(b, "up1", generator.up1, x)));
        x = Activation(b, "act2", generator.act2, DcganOnnxGraph.Norm(b, "bn2", generator.bn2, DcganOnnxGraph.Up(b, "up2", generator.up2, x)));
        // After two doublings of the fully connected layer's 4 × 8.
        x = Attention(b, "attention", generator.attention, x, MultiTrackGenerator.AttentionChannels, MultiTrackGenerator.Rows * 4, MultiTrackGenerator.Columns * 4);
        x = Activation(b, "act3", generator.act3, DcganOnnxGraph.Norm(b, "bn3", generator.bn3, DcganOnnxGraph.Up(b, "up3", generator.up3, x)));
        x = b.Node("Sigmoid", [DcganOnnxGraph.Up(b, "up4", generator.up4, x)])[0];
        long[] shape = [1, MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches];
        b.Output(x, ClipOutput, TensorElementType.Float, shape);
        return b.ToModel(metadata);
    }

    private static OnnxValue Activation(OnnxGraphBuilder b, string name, PReLU activation, OnnxValue x) =>
        b.Node("PRelu", [x, b.Initializer($"{name}.weight", TorchWeights.Floats(activation.weight), [activation.weight.shape[0]])])[0];

    private static OnnxValue Attention(OnnxGraphBuilder b, string name, SelfAttention attention, OnnxValue x, long channels, long rows, long columns)
    {
        var n = rows * columns;
        OnnxValue Project(string part, Conv2d conv)
        {
            var shape = conv.weight.shape;
            var weight = b.Initializer($"{name}.{part}.weight", TorchWeights.Floats(conv.weight), shape);
            var bias = b.Initializer($"{name}.{part}.bias", TorchWeights.Floats(conv.bias!), [shape[0]]);
            return b.Reshape(b.Conv(x, weight, bias, [1, 1]), 1, shape[0], n);
        }
        var query = b.Transpose(Project("query", attention.query), 0, 2, 1);                                // [1, N, C']
        var weights = b.Node("Softmax", [b.MatMul(query, Project("key", attention.key))], 1, OnnxAttribute.Of("axis", -1L))[0]; // [1, N, N]
        var output = b.MatMul(Project("value", attention.value), b.Transpose(weights, 0, 2, 1));             // [1, C, N]
        var gamma = b.Initializer($"{name}.gamma", TorchWeights.Floats(attention.gamma), [1]);
        return b.Add(b.Mul(b.Reshape(output, 1, channels, rows, columns), gamma), x);
    }
}
