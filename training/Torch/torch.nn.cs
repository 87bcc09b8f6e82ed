using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch;

public static partial class torch
{
    /// <summary>torch.nn: module factories (as TorchSharp spells them), the functional API and utilities.</summary>
    public static partial class nn
    {
        public static Linear Linear(long inFeatures, long outFeatures, bool hasBias = true) => new(inFeatures, outFeatures, hasBias);
        public static Embedding Embedding(long num, long dim) => new(num, dim);
        public static LSTM LSTM(long inputSize, long hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false,
            double dropout = 0, bool bidirectional = false) => new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        public static GRU GRU(long inputSize, long hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false,
            double dropout = 0, bool bidirectional = false) => new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        public static Conv1d Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0) =>
            new(inChannels, outChannels, kernelSize, stride, padding);
        public static Conv2d Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0) =>
            new(inChannels, outChannels, kernelSize, stride, padding);
        public static ConvTranspose2d ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
            long outputPadding = 0) =>
            new(inChannels, outChannels, [kernelSize, kernelSize], [stride, stride], [padding, padding], [outputPadding, outputPadding]);
        public static BatchNorm1d BatchNorm1d(long features, double eps = 1e-5, double momentum = 0.1) => new(features, eps, momentum);
        public static BatchNorm2d BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1) => new(features, eps, momentum);
        public static LayerNorm LayerNorm(long[] shape, double eps = 1e-5) => new(shape, eps);
        public static Dropout Dropout(double p = 0.5) => new(p);
        public static PReLU PReLU(long numParameters = 1, double init = 0.25) => new(numParameters, init);
        public static MaxPool1d MaxPool1d(long kernelSize, long? stride = null) => new(kernelSize, stride);
        public static MaxPool2d MaxPool2d(long kernelSize, long? stride = null) =>
            new([kernelSize, kernelSize], stride is { } s ? [s, s] : null);
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        /// <summary>torch.nn.utils.</summary>
        public static class utils
        {
            /// <summary>Scales gradients so their joint norm is at most <paramref name="max_norm"/>; returns the norm before clipping.
            /// norm_type ≤ 0 or infinity means the max norm.</summary>
            public static unsafe double clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2)
            {
                var handles = Handles(parameters.ToList());
                var type = double.IsPositiveInfinity(norm_type) ? 0 : norm_type;
                double total;
                fixed (IntPtr* h = handles) total = NativeOptim.EtOptim_clip_grad_norm(h, handles.Length, max_norm, type);
                if (NativeError.EtError_last() != IntPtr.Zero) throw TorchException.FromNative();
                return total;
            }
        }
    }
}
