namespace Euterpe.Core.Onnx;

// Recurrent, convolutional and pooling layers (opset 14/17 forms): the ones the exported families use.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>
    /// ONNX LSTM. W is [dirs, 4·hidden, input], R is [dirs, 4·hidden, hidden], B is [dirs, 8·hidden] (gate order i, o, f, c).
    /// Passing <paramref name="initialH"/>/<paramref name="initialC"/> and reading Y_h/Y_c lets one Run be one step
    /// with the state carried by the caller.
    /// </summary>
    public RecurrentOutputs Lstm(OnnxValue x, OnnxValue w, OnnxValue r, OnnxValue? b, long hiddenSize,
        OnnxValue? sequenceLengths = null, OnnxValue? initialH = null, OnnxValue? initialC = null, OnnxValue? peepholes = null,
        RnnDirection direction = RnnDirection.Forward, bool batchFirst = false)
    {
        var outputs = Node("LSTM", [x, w, r, b, sequenceLengths, initialH, initialC, peepholes], 3, [.. RecurrentAttributes(hiddenSize, direction, batchFirst)]);
        return new RecurrentOutputs(outputs[0], outputs[1], outputs[2]);
    }

    /// <summary>
    /// ONNX GRU with linear_before_reset = 1 (PyTorch's GRU: the reset gate scales the recurrent product after its bias).
    /// W is [dirs, 3·hidden, input], R is [dirs, 3·hidden, hidden], B is [dirs, 6·hidden] (gate order z, r, h).
    /// Passing <paramref name="initialH"/> and reading Y_h lets one Run be one step with the state carried by the caller.
    /// </summary>
    public RecurrentOutputs Gru(OnnxValue x, OnnxValue w, OnnxValue r, OnnxValue? b, long hiddenSize,
        OnnxValue? sequenceLengths = null, OnnxValue? initialH = null, RnnDirection direction = RnnDirection.Forward, bool batchFirst = false)
    {
        var outputs = Node("GRU", [x, w, r, b, sequenceLengths, initialH], 2,
            [.. RecurrentAttributes(hiddenSize, direction, batchFirst), OnnxAttribute.Of("linear_before_reset", 1L)]);
        return new RecurrentOutputs(outputs[0], outputs[1], null);
    }

    /// <summary>N-d convolution; pads are [begin₁…, end₁…] as ONNX orders them. W is [out, in/group, k…].</summary>
    public OnnxValue Conv(OnnxValue x, OnnxValue w, OnnxValue? b, long[] kernelShape, long[]? strides = null, long[]? pads = null,
        long[]? dilations = null, long group = 1) =>
        One("Conv", [x, w, b], ConvAttributes(kernelShape, strides, pads, dilations, group));

    public OnnxValue MaxPool(OnnxValue x, long[] kernelShape, long[]? strides = null, long[]? pads = null)
    {
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Of("kernel_shape", kernelShape) };
        if (strides is not null) attributes.Add(OnnxAttribute.Of("strides", strides));
        if (pads is not null) attributes.Add(OnnxAttribute.Of("pads", pads));
        return One("MaxPool", [x], [.. attributes]);
    }

    private static List<OnnxAttribute> RecurrentAttributes(long hiddenSize, RnnDirection direction, bool batchFirst) =>
    [
        OnnxAttribute.Of("hidden_size", hiddenSize),
        OnnxAttribute.Of("direction", direction switch
        {
            RnnDirection.Forward => "forward",
            RnnDirection.Reverse => "reverse",
            _ => "bidirectional",
        }),
        OnnxAttribute.Of("layout", batchFirst ? 1L : 0L),
    ];

    private static OnnxAttribute[] ConvAttributes(long[] kernelShape, long[]? strides, long[]? pads, long[]? dilations, long group)
    {
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Of("kernel_shape", kernelShape) };
        if (strides is not null) attributes.Add(OnnxAttribute.Of("strides", strides));
        if (pads is not null) attributes.Add(OnnxAttribute.Of("pads", pads));
        if (dilations is not null) attributes.Add(OnnxAttribute.Of("dilations", dilations));
        if (group != 1) attributes.Add(OnnxAttribute.Of("group", group));
        return [.. attributes];
    }
}
