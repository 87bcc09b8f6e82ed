using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// Small graphs covering every builder helper and, through the builder's generic <see cref="OnnxGraphBuilder.Node(string, IReadOnlyList{OnnxValue?}, int, OnnxAttribute[])"/>,
/// every attribute kind the writer encodes (float, int, string, ints, tensor). Each declares its output shapes as
/// worked out by hand from the operator definitions, so ONNX's strict shape inference checks the wiring and
/// attributes against them.
/// </summary>
internal static class TestModels
{
    public const long Hidden = 5;
    public const long Vocabulary = 10;

    public static readonly string[] Names = ["mlp", "lstm_step", "gru", "conv", "attention", "indexing"];

    public static OnnxModel Build(string name) => name switch
    {
        "mlp" => Mlp(),
        "lstm_step" => LstmStep(),
        "gru" => Gru(),
        "conv" => Conv(),
        "attention" => Attention(),
        "indexing" => Indexing(),
        _ => throw new ArgumentException(name),
    };

    public static float[] Ramp(int count, float scale = 0.1f, float offset = 0f) =>
        Enumerable.Range(0, count).Select(i => offset + scale * ((i * 7 % 11) - 5)).ToArray();

    /// <summary>One output of an operator the builder has no helper for.</summary>
    private static OnnxValue Op(OnnxGraphBuilder g, string opType, OnnxValue?[] inputs, params OnnxAttribute[] attributes) =>
        g.Node(opType, inputs, 1, attributes)[0];

    private static OnnxModel Mlp()
    {
        var g = new OnnxGraphBuilder("mlp");
        var x = g.Input("x", TensorElementType.Float, [-1, 4], ["batch", null]);
        var h = g.Relu(g.Add(g.MatMul(x, g.Initializer("W1", Ramp(32), [4, 8])), g.Initializer("b1", Ramp(8), [8])));
        var y = Op(g, "Gemm", [h, g.Initializer("W2", Ramp(24), [3, 8]), g.Initializer("b2", Ramp(3), [3])],
            OnnxAttribute.Of("alpha", 0.5f), OnnxAttribute.Of("transB", 1L));
        y = Op(g, "PRelu", [Op(g, "LeakyRelu", [y], OnnxAttribute.Of("alpha", 0.2f)), g.Initializer("slope", [0.1f, 0.2f, 0.3f], [3])]);
        y = g.Sub(Op(g, "Tanh", [y]), Op(g, "Sigmoid", [y]));
        y = g.Div(g.Mul(y, g.Initializer("three", [3f], [])), g.Initializer("two", [2f], []));
        y = g.Add(Op(g, "Sqrt", [g.Mul(y, y)]), Op(g, "Pow", [y, g.Initializer("exponent", [2f], [])]));
        g.Output(Op(g, "Softmax", [y], OnnxAttribute.Of("axis", -1L)), "probs", TensorElementType.Float, [-1, 3], ["batch", null]);
        return g.ToModel([new("euterpe.id", "mlp-test")]);
    }

    /// <summary>One step of a token LSTM with the recurrent state passed in and out explicitly.</summary>
    public static OnnxModel LstmStep()
    {
        var g = new OnnxGraphBuilder("event_rnn");
        var token = g.Input("token", TensorElementType.Int64, [1]);
        var h0 = g.Input("h0", TensorElementType.Float, [1, 1, Hidden]);
        var c0 = g.Input("c0", TensorElementType.Float, [1, 1, Hidden]);
        var embedded = g.Gather(g.Initializer("embedding", Ramp((int)Vocabulary * 6), [Vocabulary, 6]), token);
        var x = g.Unsqueeze(embedded, 0);
        var lstm = g.Lstm(x, g.Initializer("W", Ramp((int)(4 * Hidden * 6), 0.05f), [1, 4 * Hidden, 6]),
            g.Initializer("R", Ramp((int)(4 * Hidden * Hidden), 0.05f), [1, 4 * Hidden, Hidden]),
            g.Initializer("B", Ramp((int)(8 * Hidden), 0.01f), [1, 8 * Hidden]), Hidden, initialH: h0, initialC: c0);
        var last = g.Squeeze(lstm.Sequence, 0, 1);
        var logits = g.Add(g.MatMul(last, g.Initializer("W_out", Ramp((int)(Hidden * Vocabulary)), [Hidden, Vocabulary])),
            g.Initializer("b_out", Ramp((int)Vocabulary), [Vocabulary]));
        g.Output(logits, "logits", TensorElementType.Float, [1, Vocabulary]);
        g.Output(lstm.LastHidden, "h1", TensorElementType.Float, [1, 1, Hidden]);
        g.Output(lstm.LastCell!.Value, "c1", TensorElementType.Float, [1, 1, Hidden]);
        return g.ToModel([new("euterpe.family", "event-rnn")]);
    }

    private static OnnxModel Gru()
    {
        var g = new OnnxGraphBuilder("gru");
        var x = g.Input("frames", TensorElementType.Float, [-1, 1, 3], ["time", null, null]);
        var h0 = g.Input("h0", TensorElementType.Float, [2, 1, 4]);
        var gru = g.Node("GRU", [x, g.Initializer("W", Ramp(2 * 12 * 3), [2, 12, 3]), g.Initializer("R", Ramp(2 * 12 * 4), [2, 12, 4]),
            g.Initializer("B", Ramp(2 * 24), [2, 24]), null, h0], 2,
            OnnxAttribute.Of("hidden_size", 4L), OnnxAttribute.Of("direction", "bidirectional"), OnnxAttribute.Of("linear_before_reset", 1L));
        g.Output(gru[0], "y", TensorElementType.Float, [-1, 2, 1, 4], ["time", null, null, null]);
        g.Output(gru[1], "h1", TensorElementType.Float, [2, 1, 4]);
        return g.ToModel();
    }

    private static OnnxModel Conv()
    {
        var g = new OnnxGraphBuilder("conv");
        var x = g.Input("image", TensorElementType.Float, [1, 2, 8, 8]);
        var y = g.Conv(x, g.Initializer("K", Ramp(4 * 2 * 3 * 3), [4, 2, 3, 3]), g.Initializer("Kb", Ramp(4), [4]), [3, 3], pads: [1, 1, 1, 1]);
        y = Op(g, "BatchNormalization", [y, g.Initializer("gamma", [1f, 2f, 0.5f, 1f], [4]), g.Initializer("beta", Ramp(4), [4]),
            g.Initializer("mean", Ramp(4), [4]), g.Initializer("var", [1f, 1f, 2f, 0.5f], [4])], OnnxAttribute.Of("epsilon", 1e-5f));
        y = g.MaxPool(g.Relu(y), [2, 2], strides: [2, 2]);
        g.Output(y, "pooled", TensorElementType.Float, [1, 4, 4, 4]);
        var up = Op(g, "ConvTranspose", [y, g.Initializer("T", Ramp(4 * 2 * 2 * 2), [4, 2, 2, 2])],
            OnnxAttribute.Of("kernel_shape", [2L, 2L]), OnnxAttribute.Of("strides", [2L, 2L]));
        g.Output(up, "upsampled", TensorElementType.Float, [1, 2, 8, 8]);
        return g.ToModel();
    }

    /// <summary>Two-head self-attention (softmax(Q·Kᵀ/√d)·V) over a [1, 6, 8] sequence, plus Concat/Slice/Split.</summary>
    public static OnnxModel Attention()
    {
        var g = new OnnxGraphBuilder("attention");
        var x = g.Input("x", TensorElementType.Float, [1, 6, 8]);
        OnnxValue Heads(string w) => g.Transpose(g.Reshape(g.MatMul(x, g.Initializer(w, Ramp(64, 0.02f), [8, 8])), 1, 6, 2, 4), 0, 2, 1, 3);
        var scores = g.Div(g.MatMul(Heads("Wq"), g.Transpose(Heads("Wk"), 0, 1, 3, 2)), g.Initializer("sqrt_d", [2f], []));
        var attended = g.MatMul(Op(g, "Softmax", [scores], OnnxAttribute.Of("axis", -1L)), Heads("Wv"));
        var merged = g.Add(g.Reshape(g.Transpose(attended, 0, 2, 1, 3), 1, 6, 8), x);
        g.Output(merged, "attended", TensorElementType.Float, [1, 6, 8]);
        var wide = g.Concat(2, merged, x);
        var narrow = g.Slice(wide, [8], [16], [2]);
        var parts = g.Node("Split", [narrow, g.Int64s("split", [2, 4])], 2, OnnxAttribute.Of("axis", 1L));
        g.Output(parts[0], "head", TensorElementType.Float, [1, 2, 8]);
        g.Output(parts[1], "tail", TensorElementType.Float, [1, 4, 8]);
        return g.ToModel();
    }

    private static OnnxModel Indexing()
    {
        var g = new OnnxGraphBuilder("indexing");
        var x = g.Input("x", TensorElementType.Float, [2, 3]);
        var index = g.Input("index", TensorElementType.Int64, [2]);
        g.Output(g.Gather(x, index, axis: 1), "gathered", TensorElementType.Float, [2, 2]);
        var zero = Op(g, "Constant", [], OnnxAttribute.Of("value", OnnxTensor.FromFloats("zero", [0f], [])));
        var isZero = Op(g, "Equal", [x, zero]);
        g.Output(Op(g, "Where", [isZero, g.Initializer("minus_one", [-1f], []), x]), "replaced", TensorElementType.Float, [2, 3]);
        g.Output(Op(g, "Cast", [x], OnnxAttribute.Of("to", (long)TensorElementType.Int32)), "as_int", TensorElementType.Int32, [2, 3]);
        g.Output(Op(g, "Shape", [x]), "shape", TensorElementType.Int64, [2]);
        g.Output(Op(g, "Expand", [g.Unsqueeze(x, 0), g.Int64s("shape", [4, 2, 3])]), "expanded", TensorElementType.Float, [4, 2, 3]);
        g.Output(Op(g, "ReduceMean", [x], OnnxAttribute.Of("axes", [1L]), OnnxAttribute.Of("keepdims", 1L)), "mean", TensorElementType.Float, [2, 1]);
        g.Output(Op(g, "ReduceSum", [x, g.Int64s("axes", [0])], OnnxAttribute.Of("keepdims", 0L)), "sum", TensorElementType.Float, [3]);
        g.Output(x, "copy", TensorElementType.Float, [2, 3]);
        return g.ToModel();
    }
}
