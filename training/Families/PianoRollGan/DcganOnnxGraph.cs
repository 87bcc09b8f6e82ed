using Euterpe.Core.Encoding;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;
using TorchSharp.Modules;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// The generator as one ONNX graph in eval mode: z float [1, latent] in, the clip float [1, 384, 128] (values in
/// [0, 1]) out. The fully connected layer is MatMul + Add, batch norms are BatchNormalization with the running
/// statistics, the leaky activation LeakyRelu (α = 1/3), the transposed convolutions ConvTranspose with PyTorch's
/// weights as they are ([in, out, kH, kW] is ONNX's layout too), and the clipped ReLU Relu then Min with 1. The
/// discriminator is not exported.
/// </summary>
public static class DcganOnnxGraph
{
    public const string LatentInput = "z";
    public const string RollOutput = "roll";

    public static OnnxModel Build(DcganGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var b = new OnnxGraphBuilder("dcgan_generator");
        var z = b.Input(LatentInput, TensorElementType.Float, [1, generator.Latent]);
        var x = LinearNodes.Add(b, "fc", generator.fc, z);
        x = b.Reshape(x, 1, DcganGenerator.Channels, DcganGenerator.Rows, DcganGenerator.Columns);
        x = Leaky(b, Norm(b, "bn0", generator.bn0, x));
        var index = 1;
        foreach (var (up, norm) in generator.Layers)
        {
            x = Up(b, $"up{index}", up, x);
            if (norm is not null) x = Leaky(b, Norm(b, $"bn{index}", norm, x));
            index++;
        }
        x = b.Node("Min", [b.Relu(x), b.Initializer("max_value", [PianoRollEncoding.MaxValue], [1])])[0];
        b.Output(b.Reshape(x, 1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches), RollOutput, TensorElementType.Float, [1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches]);
        return b.ToModel(metadata);
    }

    private static OnnxValue Leaky(OnnxGraphBuilder b, OnnxValue x) =>
        b.Node("LeakyRelu", [x], 1, OnnxAttribute.Of("alpha", (float)DcganGenerator.NegativeSlope))[0];

    internal static OnnxValue Norm(OnnxGraphBuilder b, string name, BatchNorm2d norm, OnnxValue x)
    {
        var channels = norm.running_mean!.shape[0];
        OnnxValue Weights(string part, TorchSharp.torch.Tensor t) => b.Initializer($"{name}.{part}", TorchWeights.Floats(t), [channels]);
        return b.Node("BatchNormalization",
            [x, Weights("weight", norm.weight!), Weights("bias", norm.bias!), Weights("running_mean", norm.running_mean!), Weights("running_var", norm.running_var!)], 1,
            OnnxAttribute.Of("epsilon", (float)norm.eps))[0];
    }

    internal static OnnxValue Up(OnnxGraphBuilder b, string name, ConvTranspose2d up, OnnxValue x)
    {
        var shape = up.weight!.shape;
        var weight = b.Initializer($"{name}.weight", TorchWeights.Floats(up.weight), shape);
        var bias = b.Initializer($"{name}.bias", TorchWeights.Floats(up.bias!), [shape[1]]);
        var (kernel, stride, padding, outputPadding) = (new[] { shape[2], shape[3] }, up.stride, up.padding!, up.output_padding);
        return b.Node("ConvTranspose", [x, weight, bias], 1,
            OnnxAttribute.Of("kernel_shape", kernel),
            OnnxAttribute.Of("strides", new[] { stride[0], stride[1] }),
            OnnxAttribute.Of("pads", new[] { padding[0], padding[1], padding[0], padding[1] }),
            OnnxAttribute.Of("output_padding", new[] { outputPadding[0], outputPadding[1] }))[0];
    }
}
