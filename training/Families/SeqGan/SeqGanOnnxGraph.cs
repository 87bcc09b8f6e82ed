using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// The generator as one ONNX step with its state carried by the caller, as the event RNN's: token int64 [1, 1] (the
/// start symbol is token V) → Gather(embedding) → the LSTM (<see cref="LstmStepNodes"/>: h0_l0/c0_l0 → hn_l0/cn_l0)
/// → MatMul + Add → logits [1, V + 1]: the V written tokens' logits and, for the start symbol (which the player may
/// feed but never draws), the constant <see cref="StartLogit"/>. The roll-out copy and the discriminator are not exported.
/// </summary>
public static class SeqGanOnnxGraph
{
    public const string TokenInput = "token";
    public const string LogitsOutput = "logits";

    /// <summary>The start symbol's logit: far below any trained token's (the player masks it as well).</summary>
    public const float StartLogit = -1e4f;

    public static OnnxModel Build(SeqGanGenerator generator, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var (v, h) = (generator.Vocabulary, generator.Hidden);
        var e = (int)generator.embed.weight!.shape[1];
        var b = new OnnxGraphBuilder("seqgan_generator");
        var token = b.Input(TokenInput, TensorElementType.Int64, [1, 1]);
        var x = b.Gather(b.Initializer("embed.weight", TorchWeights.Floats(generator.embed.weight), [v + 1, e]), token); // [1, 1, E]
        x = LstmStepNodes.Add(b, generator.lstm, "lstm", 1, h, 0, x);
        var logits = LinearNodes.Add(b, "output", generator.output, b.Reshape(x, 1, h));
        var all = b.Concat(1, logits, b.Initializer("start_logit", [StartLogit], [1, 1]));
        b.Output(all, LogitsOutput, TensorElementType.Float, [1, v + 1]);
        return b.ToModel(metadata, docString: $"seqgan generator: one step of a {h}-unit LSTM over {v} tokens and a start symbol");
    }

    /// <summary>The LSTM's (h, c) state pairs, with their shape.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(int hidden) => LstmStepNodes.StatePairs(1, hidden);
}
