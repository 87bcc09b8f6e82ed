using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// The binary decoder f_dec^bin as one ONNX step with its state carried by the caller. The frame in is float
/// [1, 1, V + m]: the previous token as one-hot (all zeros at a subsequence's start) and then the code, ±1 per bit, in
/// at every step (the decoder was trained so). One MatMul with [[embedᵀ, 0], [0, I]] makes the LSTM's input; the
/// LSTM's h and c are the state pairs (<see cref="LstmStepNodes"/>); the output is the next token's distribution
/// (softmax) [1, V]. The encoder and f_dec are not exported.
/// </summary>
public static class SeqAeOnnxGraph
{
    public const string FrameInput = "frame";
    public const string FrameOutput = "next";

    public static OnnxModel Build(SeqAeDecoder decoder, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var (v, m, h) = (decoder.Vocabulary, decoder.CodeBits, decoder.Hidden);
        var e = (int)decoder.embed.weight.shape[0];
        var b = new OnnxGraphBuilder("seq_ae_binary_decoder");
        var x = b.Input(FrameInput, TensorElementType.Float, [1, 1, v + m]);
        var embed = TorchWeights.Floats(decoder.embed.weight); // [E, V]
        var block = new float[(v + m) * (e + m)];
        for (var i = 0; i < v; i++)
            for (var j = 0; j < e; j++) block[i * (e + m) + j] = embed[j * v + i];
        for (var k = 0; k < m; k++) block[(v + k) * (e + m) + e + k] = 1;
        var input = b.MatMul(x, b.Initializer("embed_code", block, [v + m, e + m])); // [seq 1, batch 1, E + m]
        var o = LstmStepNodes.Add(b, decoder.lstm, "lstm", 1, h, 0, input);
        var logits = LinearNodes.Add(b, "output", decoder.output, b.Reshape(o, 1, h));
        var distribution = b.Node("Softmax", [logits], 1, OnnxAttribute.Of("axis", -1L))[0];
        b.Output(distribution, FrameOutput, TensorElementType.Float, [1, v]);
        return b.ToModel(metadata, docString: $"seq-ae: one step of the binary decoder ({h} LSTM units, {m}-bit code)");
    }

    /// <summary>The LSTM's (h, c) state pairs, with their shape.</summary>
    public static IEnumerable<(string Input, string Output, long[] Shape)> StatePairs(int hidden) => LstmStepNodes.StatePairs(1, hidden);
}
