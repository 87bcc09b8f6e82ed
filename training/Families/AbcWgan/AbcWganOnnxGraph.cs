using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;
using TorchSharp.Modules;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// The generator as one ONNX step with its state carried by the caller: the previous character distribution
/// (float [1, 1, V]; the start symbol one-hot at a segment's start) and the GRU state h0 [1, 1, H] (the noise z at a
/// segment's start) in; the next distribution [1, V] (softmax) and hn out. The critic is not exported.
/// </summary>
public static class AbcWganOnnxGraph
{
    public const string DistributionInput = "distribution";
    public const string DistributionOutput = "next";
    public const string HiddenInput = "h0";
    public const string HiddenOutput = "hn";

    public static OnnxModel Build(AbcWganGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var (v, h) = (generator.Vocabulary, generator.Hidden);
        var b = new OnnxGraphBuilder("abc_wgan_generator");
        var x = b.Input(DistributionInput, TensorElementType.Float, [1, 1, v]);
        var h0 = b.Input(HiddenInput, TensorElementType.Float, [1, 1, h]);
        var embedding = (int)generator.embed.weight.shape[0];
        var e = b.Initializer("embed.weight_t", TorchWeights.Transpose(TorchWeights.Floats(generator.embed.weight), embedding, v), [v, embedding]);
        var embedded = b.MatMul(x, e); // [seq 1, batch 1, E]
        var parameters = generator.gru.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var weights = TorchRecurrentLayout.Gru(TorchWeights.Floats(parameters["weight_ih_l0"]), TorchWeights.Floats(parameters["weight_hh_l0"]),
            TorchWeights.Floats(parameters["bias_ih_l0"]), TorchWeights.Floats(parameters["bias_hh_l0"]), h);
        var gru = b.Gru(embedded, b.Initializer("gru.W", weights.W, weights.WShape), b.Initializer("gru.R", weights.R, weights.RShape),
            b.Initializer("gru.B", weights.B, weights.BShape), h, initialH: h0);
        b.Output(gru.LastHidden, HiddenOutput, TensorElementType.Float, [1, 1, h]);
        var logits = LinearNodes.Add(b, "output", generator.output, b.Reshape(gru.LastHidden, 1, h));
        b.Output(b.Node("Softmax", [logits], 1, OnnxAttribute.Of("axis", -1L))[0], DistributionOutput, TensorElementType.Float, [1, v]);
        return b.ToModel(metadata);
    }

    /// <summary>The one state pair, with its shape.</summary>
    public static (string Input, string Output, long[] Shape) StatePair(int hidden) => (HiddenInput, HiddenOutput, [1, 1, hidden]);
}
