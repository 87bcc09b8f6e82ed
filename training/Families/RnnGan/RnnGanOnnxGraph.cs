using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// The generator as one ONNX step with its state carried by the caller. The frame in is float [1, 1, V + Z]: the
/// previous token distribution (all zeros at a segment's start) and then the step's noise z_t; the frame out is
/// [1, V + Z]: the next distribution (softmax) and Z zeros, so that the player can copy it back as the next frame and
/// write fresh noise over the tail. The LSTM's h and c are the state pairs (<see cref="LstmStepNodes"/>). The
/// discriminator is not exported.
/// </summary>
public static class RnnGanOnnxGraph
{
    public const string FrameInput = "frame";
    public const string FrameOutput = "next";

    public static OnnxModel Build(RnnGanGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var (v, z, h) = (generator.Vocabulary, generator.Noise, generator.Hidden);
        var e = (int)generator.embed.weight.shape[0];
        var b = new OnnxGraphBuilder("rnn_gan_generator");
        var x = b.Input(FrameInput, TensorElementType.Float, [1, 1, v + z]);
        // One matrix embeds the distribution and passes the noise through: [[embedᵀ, 0], [0, I]], [V + Z, E + Z].
        var embed = TorchWeights.Floats(generator.embed.weight); // [E, V]
        var block = new float[(v + z) * (e + z)];
        for (var i = 0; i < v; i++)
            for (var j = 0; j < e; j++) block[i * (e + z) + j] = embed[j * v + i];
        for (var k = 0; k < z; k++) block[(v + k) * (e + z) + e + k] = 1;
        var input = b.MatMul(x, b.Initializer("embed_noise", block, [v + z, e + z])); // [seq 1, batch 1, E + Z]
        var o = LstmStepNodes.Add(b, generator.lstm, "lstm", 1, h, 0, input);
        var logits = LinearNodes.Add(b, "output", generator.output, b.Reshape(o, 1, h));
        var distribution = b.Node("Softmax", [logits], 1, OnnxAttribute.Of("axis", -1L))[0];
        var next = b.Concat(1, distribution, b.Initializer("noise_slot", new float[z], [1, z]));
        b.Output(next, FrameOutput, TensorElementType.Float, [1, v + z]);
        return b.ToModel(metadata);
    }

    /// <summary>The LSTM's (h, c) state pairs, with their shape.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(int hidden) => LstmStepNodes.StatePairs(1, hidden);
}
