using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

/// <summary>P/Invoke declarations for ShimNN.cpp (functional kernels; a null handle is an absent optional tensor).</summary>
internal static unsafe class NativeNN
{
    private const string L = TorchLibrary.Name;

    [DllImport(L)] internal static extern IntPtr EtNN_linear(IntPtr x, IntPtr w, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtNN_embedding(IntPtr w, IntPtr idx);
    [DllImport(L)]
    internal static extern int EtNN_lstm_forward(IntPtr input, IntPtr h0, IntPtr c0, IntPtr* parameters, int nParams, int hasBiases,
        long numLayers, double dropout, int train, int bidirectional, int batchFirst, out IntPtr output, out IntPtr hN, out IntPtr cN);
    [DllImport(L)]
    internal static extern int EtNN_gru_forward(IntPtr input, IntPtr h0, IntPtr* parameters, int nParams, int hasBiases,
        long numLayers, double dropout, int train, int bidirectional, int batchFirst, out IntPtr output, out IntPtr hN);
    [DllImport(L)] internal static extern IntPtr EtNN_conv1d(IntPtr x, IntPtr w, IntPtr b, long stride, long padding, long dilation, long groups);
    [DllImport(L)] internal static extern IntPtr EtNN_conv2d(IntPtr x, IntPtr w, IntPtr b, long* stride, long* padding, long* dilation, long groups);
    [DllImport(L)]
    internal static extern IntPtr EtNN_conv_transpose2d(IntPtr x, IntPtr w, IntPtr b, long* stride, long* padding, long* outputPadding,
        long groups, long* dilation);
    [DllImport(L)]
    internal static extern IntPtr EtNN_batch_norm(IntPtr x, IntPtr w, IntPtr b, IntPtr runningMean, IntPtr runningVar, int training,
        double momentum, double eps);
    [DllImport(L)] internal static extern IntPtr EtNN_layer_norm(IntPtr x, long* shape, int n, IntPtr w, IntPtr b, double eps);
    [DllImport(L)] internal static extern IntPtr EtNN_dropout(IntPtr x, double p, int train);
    [DllImport(L)] internal static extern IntPtr EtNN_prelu(IntPtr x, IntPtr w);
    [DllImport(L)] internal static extern IntPtr EtNN_max_pool1d(IntPtr x, long kernel, long stride, long padding, long dilation, int ceilMode);
    [DllImport(L)] internal static extern IntPtr EtNN_max_pool2d(IntPtr x, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);
    [DllImport(L)] internal static extern IntPtr EtNN_cross_entropy(IntPtr logits, IntPtr target, IntPtr weight, long reduction, long ignoreIndex, double smoothing);
    [DllImport(L)] internal static extern IntPtr EtNN_nll_loss(IntPtr logp, IntPtr target, IntPtr weight, long reduction, long ignoreIndex);
    [DllImport(L)] internal static extern IntPtr EtNN_mse_loss(IntPtr x, IntPtr target, long reduction);
    [DllImport(L)] internal static extern IntPtr EtNN_bce_with_logits(IntPtr x, IntPtr target, IntPtr weight, IntPtr posWeight, long reduction);
}
