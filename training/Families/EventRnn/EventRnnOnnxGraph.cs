using Euterpe.Core.Onnx;
using Euterpe.Core.Presets;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Builds the single-step ONNX graph of an <see cref="EventRnnModel"/>: token int64 [1, 1] → Gather(embedding)
/// [→ Concat conditioning float [1, C]] → the LSTM's layers as <see cref="LstmStepNodes"/> (state h0_l{k}/c0_l{k} →
/// hn_l{k}/cn_l{k}) → MatMul + Add → logits [1, vocabulary]; one Run is one step with the state carried by the caller.
/// </summary>
public static class EventRnnOnnxGraph
{
    public const string TokenInput = "token";
    public const string ConditioningInput = "conditioning";
    public const string LogitsOutput = "logits";

    public static OnnxModel Build(EventRnnModel model, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var config = model.Config;
        var (vocabulary, hidden) = (config.VocabularySize, config.HiddenSize);
        var b = new OnnxGraphBuilder("event_rnn_step");
        var token = b.Input(TokenInput, TensorElementType.Int64, [1, 1]);
        var embedding = b.Initializer("embedding.weight", TorchWeights.Floats(model.embedding.weight!), [vocabulary, config.EmbeddingSize]);
        var x = b.Gather(embedding, token); // [1, 1, E]
        if (config.IsConditional)
        {
            var conditioning = b.Input(ConditioningInput, TensorElementType.Float, [1, config.ConditioningSize]);
            x = b.Concat(2, x, b.Unsqueeze(conditioning, 1)); // [1, 1, E + C]
        }
        x = LstmStepNodes.Add(b, model.lstm, "lstm", config.Layers, hidden, 0, x);
        var logits = LinearNodes.Add(b, "output", model.output, b.Reshape(x, 1, hidden));
        b.Output(logits, LogitsOutput, TensorElementType.Float, [1, vocabulary]);
        return b.ToModel(metadata, docString: $"event-rnn {config.Name}: one step of {config.Layers}×{hidden} LSTM over {vocabulary} performance events");
    }
}
