using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch.Modules;

/// <summary>Multi-layer LSTM over libtorch's fused at::lstm; forward returns the output sequence and the final (h, c).</summary>
public sealed class LSTM(long inputSize, long hiddenSize, int numLayers = 1, bool hasBias = true, bool batchFirst = false,
    double dropout = 0, bool bidirectional = false)
    : RecurrentBase(nameof(LSTM), 4, inputSize, hiddenSize, numLayers, hasBias, batchFirst, dropout, bidirectional)
{
    /// <param name="input">[batch, seq, input] when batch-first, else [seq, batch, input].</param>
    /// <param name="state">initial (h0, c0), each [layers·directions, batch, hidden]; zeros when null.</param>
    public unsafe (Tensor output, Tensor h_n, Tensor c_n) forward(Tensor input, (Tensor h0, Tensor c0)? state = null)
    {
        CheckInput(input);
        var weights = FlatWeightHandles();
        IntPtr output, h, c;
        fixed (IntPtr* w = weights)
        {
            TorchException.Check(NativeNN.EtNN_lstm_forward(input.Handle, state?.h0.Handle ?? IntPtr.Zero, state?.c0.Handle ?? IntPtr.Zero,
                w, weights.Length, HasBias ? 1 : 0, NumLayers, Dropout, training ? 1 : 0, Bidirectional ? 1 : 0, BatchFirst ? 1 : 0,
                out output, out h, out c));
        }
        return (Tensor.Wrap(output), Tensor.Wrap(h), Tensor.Wrap(c));
    }

    public (Tensor output, Tensor h_n, Tensor c_n) call(Tensor input, (Tensor h0, Tensor c0)? state = null) => forward(input, state);
}
