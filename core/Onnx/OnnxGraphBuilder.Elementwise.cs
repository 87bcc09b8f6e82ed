namespace Euterpe.Core.Onnx;

// Arithmetic, activations, comparisons and reductions (opset 17 forms).
public sealed partial class OnnxGraphBuilder
{
    public OnnxValue MatMul(OnnxValue a, OnnxValue b) => One("MatMul", [a, b]);

    /// <summary>Y = alpha·op(A)·op(B) + beta·C, with op transposing when asked.</summary>
    public OnnxValue Gemm(OnnxValue a, OnnxValue b, OnnxValue? c = null, float alpha = 1f, float beta = 1f, bool transA = false, bool transB = false)
    {
        var attributes = new List<OnnxAttribute>();
        if (alpha != 1f) attributes.Add(OnnxAttribute.Of("alpha", alpha));
        if (beta != 1f) attributes.Add(OnnxAttribute.Of("beta", beta));
        if (transA) attributes.Add(OnnxAttribute.Of("transA", 1L));
        if (transB) attributes.Add(OnnxAttribute.Of("transB", 1L));
        return One("Gemm", [a, b, c], [.. attributes]);
    }

    public OnnxValue Add(OnnxValue a, OnnxValue b) => One("Add", [a, b]);
    public OnnxValue Sub(OnnxValue a, OnnxValue b) => One("Sub", [a, b]);
    public OnnxValue Mul(OnnxValue a, OnnxValue b) => One("Mul", [a, b]);
    public OnnxValue Div(OnnxValue a, OnnxValue b) => One("Div", [a, b]);
    public OnnxValue Pow(OnnxValue x, OnnxValue exponent) => One("Pow", [x, exponent]);

    /// <summary>x · s for a float scalar s (stored as a shape-[] initializer).</summary>
    public OnnxValue Mul(OnnxValue x, float scalar) => Mul(x, Scalar(scalar));

    /// <summary>x / s for a float scalar s, e.g. attention scores by √d.</summary>
    public OnnxValue Div(OnnxValue x, float scalar) => Div(x, Scalar(scalar));

    public OnnxValue Sqrt(OnnxValue x) => One("Sqrt", [x]);
    public OnnxValue Relu(OnnxValue x) => One("Relu", [x]);
    public OnnxValue LeakyRelu(OnnxValue x, float alpha = 0.01f) => One("LeakyRelu", [x], OnnxAttribute.Of("alpha", alpha));
    public OnnxValue PRelu(OnnxValue x, OnnxValue slope) => One("PRelu", [x, slope]);
    public OnnxValue Sigmoid(OnnxValue x) => One("Sigmoid", [x]);
    public OnnxValue Tanh(OnnxValue x) => One("Tanh", [x]);
    public OnnxValue Softmax(OnnxValue x, long axis = -1) => One("Softmax", [x], OnnxAttribute.Of("axis", axis));
    public OnnxValue Identity(OnnxValue x) => One("Identity", [x]);
    public OnnxValue Cast(OnnxValue x, TensorElementType to) => One("Cast", [x], OnnxAttribute.Of("to", (long)to));
    public OnnxValue Equal(OnnxValue a, OnnxValue b) => One("Equal", [a, b]);
    public OnnxValue Where(OnnxValue condition, OnnxValue whenTrue, OnnxValue whenFalse) => One("Where", [condition, whenTrue, whenFalse]);

    /// <summary>A Constant node holding <paramref name="value"/> (the node's output takes a generated name; the tensor's name is ignored).</summary>
    public OnnxValue Constant(OnnxTensor value) => One("Constant", [], OnnxAttribute.Of("value", value));

    /// <summary>ReduceMean at opset 17 takes its axes as an attribute (they became an input only in opset 18).</summary>
    public OnnxValue ReduceMean(OnnxValue x, long[] axes, bool keepDims = true) =>
        One("ReduceMean", [x], OnnxAttribute.Of("axes", axes), OnnxAttribute.Of("keepdims", keepDims ? 1L : 0L));

    /// <summary>ReduceSum takes its axes as an input since opset 13.</summary>
    public OnnxValue ReduceSum(OnnxValue x, long[] axes, bool keepDims = true) =>
        One("ReduceSum", [x, Int64s("axes", axes)], OnnxAttribute.Of("keepdims", keepDims ? 1L : 0L));

    /// <summary>
    /// softmax(Q·Kᵀ/√d)·V over the last two axes; <paramref name="keyDim"/> is d. Q, K, V are [..., time, d].
    /// </summary>
    public OnnxValue ScaledDotProductAttention(OnnxValue query, OnnxValue key, OnnxValue value, int rank, long keyDim, OnnxValue? additiveMask = null)
    {
        if (rank < 2) throw new ArgumentOutOfRangeException(nameof(rank), "attention needs tensors of rank 2 or more");
        var perm = Enumerable.Range(0, rank).Select(i => (long)i).ToArray();
        (perm[rank - 2], perm[rank - 1]) = (perm[rank - 1], perm[rank - 2]);
        var scores = Div(MatMul(query, Transpose(key, perm)), MathF.Sqrt(keyDim));
        if (additiveMask is { } mask) scores = Add(scores, mask);
        return MatMul(Softmax(scores, -1), value);
    }
}
