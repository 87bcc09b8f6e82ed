using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch.Modules;

/// <summary>Multi-layer GRU over libtorch's fused at::gru; forward returns the output sequence and the final h.</summary>
public sealed class GRU(long inputSize, long hiddenSize, int numLayers = 1, bool hasBias = true, bool batchFirst = false,
    double dropout = 0, bool bidirectional = false)
    : RecurrentBase(nameof(GRU), 3, inputSize, hiddenSize, numLayers, hasBias, batchFirst, dropout, bidirectional)
{
    public unsafe (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0 = null)
    {
        CheckInput(input);
        var weights = FlatWeightHandles();
        IntPtr output, h;
        fixed (IntPtr* w = weights)
        {
            TorchException.Check(NativeNN.EtNN_gru_forward(input.Handle, h0?.Handle ?? IntPtr.Zero, w, weights.Length, HasBias ? 1 : 0,
                NumLayers, Dropout, training ? 1 : 0, Bidirectional ? 1 : 0, BatchFirst ? 1 : 0, out output, out h));
        }
        return (Tensor.Wrap(output), Tensor.Wrap(h));
    }

    public (Tensor output, Tensor h_n) call(Tensor input, Tensor? h0 = null) => forward(input, h0);
}
