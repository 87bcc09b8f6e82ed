namespace Euterpe.Core.Onnx;

// Shape and indexing operators (opset 13+ forms: axes and shapes are int64 inputs).
public sealed partial class OnnxGraphBuilder
{
    /// <summary>Reshape to a constant shape (0 copies a dimension, −1 infers one).</summary>
    public OnnxValue Reshape(OnnxValue x, params long[] shape) => Reshape(x, Int64s("shape", shape));

    public OnnxValue Reshape(OnnxValue x, OnnxValue shape) => One("Reshape", [x, shape]);

    public OnnxValue Transpose(OnnxValue x, params long[] perm) => One("Transpose", [x], OnnxAttribute.Of("perm", perm));

    public OnnxValue Concat(long axis, params OnnxValue[] inputs) =>
        One("Concat", [.. inputs.Select(v => (OnnxValue?)v)], OnnxAttribute.Of("axis", axis));

    public OnnxValue Slice(OnnxValue x, long[] starts, long[] ends, long[]? axes = null, long[]? steps = null) =>
        One("Slice", [x, Int64s("starts", starts), Int64s("ends", ends),
            axes is null ? null : Int64s("axes", axes), steps is null ? null : Int64s("steps", steps)]);

    public OnnxValue Gather(OnnxValue data, OnnxValue indices, long axis = 0) => One("Gather", [data, indices], OnnxAttribute.Of("axis", axis));

    public OnnxValue Squeeze(OnnxValue x, params long[] axes) => One("Squeeze", [x, Int64s("axes", axes)]);

    public OnnxValue Unsqueeze(OnnxValue x, params long[] axes) => One("Unsqueeze", [x, Int64s("axes", axes)]);

}
