using Euterpe.Core.Inference;
using Euterpe.Core.Onnx;
using Euterpe.Training.Models;

namespace Euterpe.Training.Export;

/// <summary>
/// Builds the single-step ONNX graph of an <see cref="EventRnn"/>: token int64 [1, 1] → Gather(embedding)
/// [→ Concat conditioning float [1, C]] → one ONNX LSTM per layer fed h0_l{k}/c0_l{k} [1, 1, H] and giving
/// hn_l{k}/cn_l{k} → MatMul + Add → logits [1, vocabulary]. PyTorch's gate order is converted with
/// <see cref="TorchRecurrentLayout"/>; one Run is one step with the state carried by the caller.
/// </summary>
public static class EventRnnOnnxGraph
{
    public const string TokenInput = "token";
    public const string ConditioningInput = "conditioning";
    public const string LogitsOutput = "logits";

    public static string HiddenInput(int layer) => $"h0_l{layer}";
    public static string HiddenOutput(int layer) => $"hn_l{layer}";
    public static string CellInput(int layer) => $"c0_l{layer}";
    public static string CellOutput(int layer) => $"cn_l{layer}";

    public static OnnxModel Build(EventRnn model, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var config = model.Config;
        var (vocabulary, hidden) = (config.VocabularySize, config.HiddenSize);
        var b = new OnnxGraphBuilder("event_rnn_step");
        var token = b.Input(TokenInput, TensorElementType.Int64, [1, 1]);
        var embedding = b.Initializer("embedding.weight", TorchWeights.Floats(model.embedding.weight), [vocabulary, config.EmbeddingSize]);
        var x = b.Gather(embedding, token); // [1, 1, E]
        if (config.IsConditional)
        {
            var conditioning = b.Input(ConditioningInput, TensorElementType.Float, [1, config.ConditioningSize]);
            x = b.Concat(2, x, b.Unsqueeze(conditioning, 1)); // [1, 1, E + C]
        }
        var parameters = model.lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (var layer = 0; layer < config.Layers; layer++)
        {
            var weights = TorchRecurrentLayout.Lstm(TorchWeights.Floats(parameters[$"weight_ih_l{layer}"]), TorchWeights.Floats(parameters[$"weight_hh_l{layer}"]),
                TorchWeights.Floats(parameters[$"bias_ih_l{layer}"]), TorchWeights.Floats(parameters[$"bias_hh_l{layer}"]), hidden);
            var w = b.Initializer($"lstm.W_l{layer}", weights.W, weights.WShape);
            var r = b.Initializer($"lstm.R_l{layer}", weights.R, weights.RShape);
            var bias = b.Initializer($"lstm.B_l{layer}", weights.B, weights.BShape);
            var h0 = b.Input(HiddenInput(layer), TensorElementType.Float, [1, 1, hidden]);
            var c0 = b.Input(CellInput(layer), TensorElementType.Float, [1, 1, hidden]);
            var outputs = b.Lstm(x, w, r, bias, hidden, initialH: h0, initialC: c0);
            b.Output(outputs.LastHidden, HiddenOutput(layer), TensorElementType.Float, [1, 1, hidden]);
            b.Output(outputs.LastCell!.Value, CellOutput(layer), TensorElementType.Float, [1, 1, hidden]);
            x = b.Squeeze(outputs.Sequence, 1); // Y [seq, dirs, batch, H] → [seq, batch, H]
        }
        var projection = b.Initializer("output.weight_t", TorchWeights.Transpose(TorchWeights.Floats(model.output.weight), vocabulary, hidden), [hidden, vocabulary]);
        var outputBias = b.Initializer("output.bias", TorchWeights.Floats(model.output.bias!), [vocabulary]);
        var logits = b.Add(b.MatMul(b.Reshape(x, 1, hidden), projection), outputBias);
        b.Output(logits, LogitsOutput, TensorElementType.Float, [1, vocabulary]);
        return b.ToModel(metadata, docString: $"event-rnn {config.Name}: one step of {config.Layers}×{hidden} LSTM over {vocabulary} performance events");
    }
}
