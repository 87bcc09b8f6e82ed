using Euterpe.Core;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Performance-RNN style event model: Embedding(vocabulary → E) [‖ conditioning] → multi-layer batch-first LSTM →
/// Linear → logits over the vocabulary. The conditional form concatenates the same conditioning vector to the
/// embedding at every step. Dropout (training only) acts between the LSTM layers and on the top layer's output; it
/// has no weights, so the exported step graph is the same with or without it.
/// Parameter names: embedding.weight, lstm.weight_ih_l0 …, output.weight, output.bias.
/// </summary>
public sealed class EventRnnModel : nn.Module
{
    public EventRnnModel(EventRnnConfig config) : base(nameof(EventRnnModel))
    {
        Config = config;
        embedding = nn.Embedding(config.VocabularySize, config.EmbeddingSize);
        lstm = nn.LSTM(config.EmbeddingSize + config.ConditioningSize, config.HiddenSize, config.Layers, batchFirst: true,
            dropout: config.Layers > 1 ? config.Dropout : 0);
        dropout = nn.Dropout(config.Dropout);
        output = nn.Linear(config.HiddenSize, config.VocabularySize);
        register_module(nameof(embedding), embedding);
        register_module(nameof(lstm), lstm);
        register_module(nameof(dropout), dropout);
        register_module(nameof(output), output);
    }

    public EventRnnConfig Config { get; }

    public Embedding embedding { get; }

    public LSTM lstm { get; }

    public Dropout dropout { get; }

    public Linear output { get; }

    /// <param name="tokens">int64 [batch, steps].</param>
    /// <param name="conditioning">float [batch, C] for a conditional model, else null.</param>
    /// <param name="state">(h, c), each [layers, batch, hidden]; zeros when null.</param>
    /// <returns>logits [batch, steps, vocabulary] and the final state.</returns>
    public (Tensor logits, Tensor h, Tensor c) forward(Tensor tokens, Tensor? conditioning, (Tensor h, Tensor c)? state = null)
    {
        using var scope = torch.NewDisposeScope();
        var x = embedding.forward(tokens);
        if (Config.IsConditional)
        {
            if (conditioning is null) throw new EuterpeException("EventRnn: a conditional model needs a conditioning tensor");
            var s = tokens.shape;
            x = torch.cat([x, conditioning.unsqueeze(1).expand(s[0], s[1], Config.ConditioningSize)], 2);
        }
        var (y, h, c) = lstm.forward(x, state);
        var logits = output.forward(Config.Dropout > 0 ? dropout.forward(y) : y);
        return (logits.MoveToOuterDisposeScope(), h.MoveToOuterDisposeScope(), c.MoveToOuterDisposeScope());
    }
}
