namespace Euterpe.Core.Onnx;

// Recurrent, convolutional and normalisation layers (opset 14/15/17 forms).
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
    /// ONNX GRU. W is [dirs, 3·hidden, input], R is [dirs, 3·hidden, hidden], B is [dirs, 6·hidden] (gate order z, r, h).
    /// <paramref name="linearBeforeReset"/> = true matches PyTorch's GRU.
    /// </summary>
    public RecurrentOutputs Gru(OnnxValue x, OnnxValue w, OnnxValue r, OnnxValue? b, long hiddenSize,
        OnnxValue? sequenceLengths = null, OnnxValue? initialH = null, bool linearBeforeReset = true,
        RnnDirection direction = RnnDirection.Forward, bool batchFirst = false)
    {
        var attributes = RecurrentAttributes(hiddenSize, direction, batchFirst);
        attributes.Add(OnnxAttribute.Of("linear_before_reset", linearBeforeReset ? 1L : 0L));
        var outputs = Node("GRU", [x, w, r, b, sequenceLengths, initialH], 2, [.. attributes]);
        return new RecurrentOutputs(outputs[0], outputs[1], null);
    }

    /// <summary>N-d convolution; pads are [begin₁…, end₁…] as ONNX orders them. W is [out, in/group, k…].</summary>
    public OnnxValue Conv(OnnxValue x, OnnxValue w, OnnxValue? b, long[] kernelShape, long[]? strides = null, long[]? pads = null,
        long[]? dilations = null, long group = 1) =>
        One("Conv", [x, w, b], ConvAttributes(kernelShape, strides, pads, dilations, group, null));

    /// <summary>Transposed convolution; W is [in, out/group, k…].</summary>
    public OnnxValue ConvTranspose(OnnxValue x, OnnxValue w, OnnxValue? b, long[] kernelShape, long[]? strides = null, long[]? pads = null,
        long[]? dilations = null, long group = 1, long[]? outputPadding = null) =>
        One("ConvTranspose", [x, w, b], ConvAttributes(kernelShape, strides, pads, dilations, group, outputPadding));

    /// <summary>Inference-mode batch normalisation with stored statistics.</summary>
    public OnnxValue BatchNormalization(OnnxValue x, OnnxValue scale, OnnxValue bias, OnnxValue mean, OnnxValue variance, float epsilon = 1e-5f) =>
        One("BatchNormalization", [x, scale, bias, mean, variance], OnnxAttribute.Of("epsilon", epsilon));

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

    private static OnnxAttribute[] ConvAttributes(long[] kernelShape, long[]? strides, long[]? pads, long[]? dilations, long group, long[]? outputPadding)
    {
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Of("kernel_shape", kernelShape) };
        if (strides is not null) attributes.Add(OnnxAttribute.Of("strides", strides));
        if (pads is not null) attributes.Add(OnnxAttribute.Of("pads", pads));
        if (dilations is not null) attributes.Add(OnnxAttribute.Of("dilations", dilations));
        if (group != 1) attributes.Add(OnnxAttribute.Of("group", group));
        if (outputPadding is not null) attributes.Add(OnnxAttribute.Of("output_padding", outputPadding));
        return [.. attributes];
    }
}
