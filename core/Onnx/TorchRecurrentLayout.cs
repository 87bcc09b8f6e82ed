namespace Euterpe.Core.Onnx;

/// <summary>
/// Reorders PyTorch LSTM and GRU weights into ONNX's layout: PyTorch stacks an LSTM's gates as (i, f, g, o), ONNX
/// wants (i, o, f, c); a GRU's as (r, z, n), ONNX (z, r, h). Inputs are one layer and one direction: weight_ih
/// [gates·H, input], weight_hh [gates·H, H], bias_ih and bias_hh [gates·H].
/// </summary>
public static class TorchRecurrentLayout
{
    private static readonly int[] LstmOrder = [0, 3, 1, 2];
    private static readonly int[] GruOrder = [1, 0, 2];

    public static RecurrentWeights Lstm(float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int hiddenSize) =>
        Reorder(weightIh, weightHh, biasIh, biasHh, hiddenSize, LstmOrder);

    public static RecurrentWeights Gru(float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int hiddenSize) =>
        Reorder(weightIh, weightHh, biasIh, biasHh, hiddenSize, GruOrder);

    private static RecurrentWeights Reorder(float[] wIh, float[] wHh, float[] bIh, float[] bHh, int hidden, int[] order)
    {
        var gates = order.Length;
        if (hidden <= 0) throw new ArgumentOutOfRangeException(nameof(hidden));
        if (wHh.Length != gates * hidden * hidden) throw new ArgumentException($"weight_hh has {wHh.Length} values, expected {gates}·{hidden}·{hidden}", nameof(wHh));
        if (wIh.Length % (gates * hidden) != 0) throw new ArgumentException($"weight_ih has {wIh.Length} values, not a multiple of {gates}·{hidden}", nameof(wIh));
        if (bIh.Length != gates * hidden || bHh.Length != gates * hidden) throw new ArgumentException($"biases must have {gates}·{hidden} values", nameof(bIh));
        var input = wIh.Length / (gates * hidden);

        var w = Blocks(wIh, hidden * input, order);
        var r = Blocks(wHh, hidden * hidden, order);
        var b = new float[2 * gates * hidden];
        Blocks(bIh, hidden, order).CopyTo(b, 0);
        Blocks(bHh, hidden, order).CopyTo(b, gates * hidden);
        return new RecurrentWeights(w, r, b, [1, gates * hidden, input], [1, gates * hidden, hidden], [1, 2 * gates * hidden]);
    }

    // Gate g of the result is block order[g] of the source; each block is `block` contiguous values.
    private static float[] Blocks(float[] source, int block, int[] order)
    {
        var result = new float[source.Length];
        for (var g = 0; g < order.Length; g++)
            Array.Copy(source, order[g] * block, result, g * block, block);
        return result;
    }
}
