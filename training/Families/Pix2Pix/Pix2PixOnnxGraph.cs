using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;
using TorchSharp.Modules;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// The U-Net generator as one ONNX graph in eval mode: the facade float [1, 2, 128, 128] (roll, hole mask) in, the
/// filled roll float [1, 128, 128] (values in [0, 1]) out. Convolutions are Conv, transposed ones ConvTranspose (PyTorch's
/// weight layouts are ONNX's), batch norms BatchNormalization with the running statistics, skips Concat on the channels,
/// then LeakyRelu (α 0.2), Relu and Sigmoid. Dropout is left out: in eval mode it passes values unchanged, so the
/// exported model has no noise and the same facade always gives the same roll. The discriminator is not exported.
/// </summary>
public static class Pix2PixOnnxGraph
{
    public const string FacadeInput = "facade";
    public const string RollOutput = "roll";

    public static OnnxModel Build(UNetGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var b = new OnnxGraphBuilder("pix2pix_generator");
        var x = b.Input(FacadeInput, TensorElementType.Float, [1, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches]);
        var skips = new OnnxValue[generator.Levels];
        for (var i = 0; i < generator.Levels; i++)
        {
            if (i > 0) x = b.Node("LeakyRelu", [x], 1, OnnxAttribute.Of("alpha", (float)UNetGenerator.LeakySlope))[0];
            x = Down(b, $"down{i}", generator.Down(i), x);
            if (generator.DownNorm(i) is { } norm) x = Norm(b, $"down{i}_norm", norm, x);
            skips[i] = x;
        }
        for (var i = generator.Levels - 1; i >= 0; i--)
        {
            var input = i == generator.Levels - 1 ? skips[i] : b.Concat(1, x, skips[i]);
            x = Up(b, $"up{i}", generator.Up(i), b.Relu(input));
            if (generator.UpNorm(i) is { } norm) x = Norm(b, $"up{i}_norm", norm, x);
        }
        x = b.Node("Sigmoid", [x])[0];
        b.Output(b.Reshape(x, 1, Pix2PixGrid.Steps, Pix2PixGrid.Pitches), RollOutput, TensorElementType.Float, [1, Pix2PixGrid.Steps, Pix2PixGrid.Pitches]);
        return b.ToModel(metadata);
    }

    private static OnnxValue Norm(OnnxGraphBuilder b, string name, BatchNorm2d norm, OnnxValue x)
    {
        var channels = norm.running_mean!.shape[0];
        OnnxValue Weights(string part, TorchSharp.torch.Tensor t) => b.Initializer($"{name}.{part}", TorchWeights.Floats(t), [channels]);
        return b.Node("BatchNormalization",
            [x, Weights("weight", norm.weight!), Weights("bias", norm.bias!), Weights("running_mean", norm.running_mean!), Weights("running_var", norm.running_var!)], 1,
            OnnxAttribute.Of("epsilon", (float)norm.eps))[0];
    }

    private static OnnxValue Down(OnnxGraphBuilder b, string name, Conv2d conv, OnnxValue x)
    {
        var shape = conv.weight!.shape;
        var weight = b.Initializer($"{name}.weight", TorchWeights.Floats(conv.weight), shape);
        var bias = b.Initializer($"{name}.bias", TorchWeights.Floats(conv.bias!), [shape[0]]);
        return b.Conv(x, weight, bias, [shape[2], shape[3]], [conv.stride[0], conv.stride[1]], [1, 1, 1, 1]);
    }

    private static OnnxValue Up(OnnxGraphBuilder b, string name, ConvTranspose2d up, OnnxValue x)
    {
        var shape = up.weight!.shape;
        var weight = b.Initializer($"{name}.weight", TorchWeights.Floats(up.weight), shape);
        var bias = b.Initializer($"{name}.bias", TorchWeights.Floats(up.bias!), [shape[1]]);
        return b.Node("ConvTranspose", [x, weight, bias], 1,
            OnnxAttribute.Of("kernel_shape", new[] { shape[2], shape[3] }),
            OnnxAttribute.Of("strides", new[] { up.stride[0], up.stride[1] }),
            OnnxAttribute.Of("pads", new[] { up.padding![0], up.padding[1], up.padding[0], up.padding[1] }))[0];
    }
}
