using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;
using TorchSharp.Modules;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// The generator as one ONNX graph: z float [1, latent] and the pitch-class histogram float [1, 12] in, the clip float
/// [1, 384, 128] (values in (0, 1)) out. RNN_a is a GRU over z ‖ h expanded to the 4 theme beats, its linear + ReLU
/// structure gathered to the 64 sixteenths (theme repeated, beats held), RNN_b a GRU over structure ‖ h; the strip is
/// MatMul + Add, Reshape to [64, 16, 16], a 1-D ConvTranspose (kernel 24, stride 8, pads 8) and Sigmoid; each sixteenth
/// is then expanded to the cache's 6 steps. The critic is not exported.
/// </summary>
public static class DcrnnOnnxGraph
{
    public const string LatentInput = "z";
    public const string HistogramInput = "histogram";
    public const string RollOutput = "roll";

    public static OnnxModel Build(DcrnnGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var b = new OnnxGraphBuilder("dcrnn_generator");
        var (latent, classes, steps, pitches) = (generator.Latent, DcrnnGrid.PitchClasses, DcrnnGrid.Steps, PianoRollEncoding.Pitches);
        var z = b.Input(LatentInput, TensorElementType.Float, [1, latent]);
        var h = b.Input(HistogramInput, TensorElementType.Float, [1, classes]);
        var a = b.Reshape(b.Concat(1, z, h), 1, 1, latent + classes);
        a = b.Node("Expand", [a, b.Int64s(DcrnnGrid.ThemeBeats, 1, latent + classes)])[0];                 // [4, 1, L+12]
        var theme = b.Reshape(Gru(b, "rnn_a", generator.rnn_a, generator.StructureHidden, a).Sequence, DcrnnGrid.ThemeBeats, generator.StructureHidden);
        var beats = b.Relu(LinearNodes.Add(b, "structure", generator.structure, theme));                   // [4, S]
        var held = b.Gather(beats, b.Initializer("theme_beat_of_step", DcrnnGrid.ThemeBeatOfStep(), [steps]));  // [64, S]
        var heard = b.Node("Expand", [h, b.Int64s(steps, classes)])[0];
        var x = b.Reshape(b.Concat(1, held, heard), steps, 1, generator.Structure + classes);
        var notes = b.Reshape(Gru(b, "rnn_b", generator.rnn_b, generator.NoteHidden, x).Sequence, steps, generator.NoteHidden);
        var positions = b.Reshape(LinearNodes.Add(b, "strip_in", generator.strip_in, notes), steps, DcrnnGenerator.StripChannels, DcrnnGenerator.StripPositions);
        var strip = generator.strip;
        var weight = b.Initializer("strip.weight", TorchWeights.Floats(strip.weight!), strip.weight!.shape);
        var bias = b.Initializer("strip.bias", TorchWeights.Floats(strip.bias!), [1]);
        var roll = b.Node("ConvTranspose", [positions, weight, bias], 1,
            OnnxAttribute.Of("kernel_shape", new long[] { DcrnnGenerator.StripKernel }),
            OnnxAttribute.Of("strides", new long[] { DcrnnGenerator.StripStride }),
            OnnxAttribute.Of("pads", new long[] { DcrnnGenerator.StripPadding, DcrnnGenerator.StripPadding }))[0];     // [64, 1, 128]
        roll = b.Node("Sigmoid", [roll])[0];
        roll = b.Node("Expand", [roll, b.Int64s(steps, DcrnnGrid.Upsample, pitches)])[0];
        b.Output(b.Reshape(roll, 1, PianoRollEncoding.Steps, pitches), RollOutput, TensorElementType.Float, [1, PianoRollEncoding.Steps, pitches]);
        return b.ToModel(metadata);
    }

    private static RecurrentOutputs Gru(OnnxGraphBuilder b, string name, GRU gru, int hidden, OnnxValue x)
    {
        var parameters = gru.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var weights = TorchRecurrentLayout.Gru(TorchWeights.Floats(parameters["weight_ih_l0"]), TorchWeights.Floats(parameters["weight_hh_l0"]),
            TorchWeights.Floats(parameters["bias_ih_l0"]), TorchWeights.Floats(parameters["bias_hh_l0"]), hidden);
        return b.Gru(x, b.Initializer($"{name}.W", weights.W, weights.WShape), b.Initializer($"{name}.R", weights.R, weights.RShape),
            b.Initializer($"{name}.B", weights.B, weights.BShape), hidden);
    }
}
