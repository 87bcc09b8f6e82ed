using static Euterpe.Training.Torch.Native.NativeNN;

namespace Euterpe.Training.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>torch.nn.functional: stateless kernels the modules are built from.</summary>
        public static unsafe class functional
        {
            private static IntPtr H(Tensor? t) => t?.Handle ?? IntPtr.Zero;

            public static Tensor linear(Tensor x, Tensor weight, Tensor? bias = null) => Tensor.Wrap(EtNN_linear(x.Handle, weight.Handle, H(bias)));
            public static Tensor embedding(Tensor indices, Tensor weight) => Tensor.Wrap(EtNN_embedding(weight.Handle, indices.Handle));
            public static Tensor one_hot(Tensor indices, long numClasses) => Tensor.Wrap(Native.NativeTensor.EtTensor_one_hot(indices.Handle, numClasses));
            public static Tensor relu(Tensor x) => x.relu();
            public static Tensor leaky_relu(Tensor x, double negativeSlope = 0.01) => x.leaky_relu(negativeSlope);
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor tanh(Tensor x) => x.tanh();
            public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);
            public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);
            public static Tensor prelu(Tensor x, Tensor weight) => Tensor.Wrap(EtNN_prelu(x.Handle, weight.Handle));
            public static Tensor dropout(Tensor x, double p = 0.5, bool training = true) => Tensor.Wrap(EtNN_dropout(x.Handle, p, training ? 1 : 0));

            public static Tensor conv1d(Tensor x, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
                Tensor.Wrap(EtNN_conv1d(x.Handle, weight.Handle, H(bias), stride, padding, dilation, groups));

            public static Tensor conv2d(Tensor x, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups = 1)
            {
                Check2("conv2d", stride, padding, dilation);
                fixed (long* s = stride, p = padding, d = dilation) return Tensor.Wrap(EtNN_conv2d(x.Handle, weight.Handle, H(bias), s, p, d, groups));
            }

            public static Tensor conv_transpose2d(Tensor x, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] outputPadding,
                long groups, long[] dilation)
            {
                Check2("conv_transpose2d", stride, padding, outputPadding, dilation);
                fixed (long* s = stride, p = padding, o = outputPadding, d = dilation)
                    return Tensor.Wrap(EtNN_conv_transpose2d(x.Handle, weight.Handle, H(bias), s, p, o, groups, d));
            }

            /// <summary>Normalises with batch statistics when <paramref name="training"/> (updating the running buffers in place), else with the running ones.</summary>
            public static Tensor batch_norm(Tensor x, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                Tensor.Wrap(EtNN_batch_norm(x.Handle, H(weight), H(bias), H(running_mean), H(running_var), training ? 1 : 0, momentum, eps));

            public static Tensor layer_norm(Tensor x, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
            {
                fixed (long* s = normalizedShape) return Tensor.Wrap(EtNN_layer_norm(x.Handle, s, normalizedShape.Length, H(weight), H(bias), eps));
            }

            public static Tensor max_pool1d(Tensor x, long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false) =>
                Tensor.Wrap(EtNN_max_pool1d(x.Handle, kernelSize, stride ?? kernelSize, padding, dilation, ceilMode ? 1 : 0));

            public static Tensor max_pool2d(Tensor x, long[] kernelSize, long[] stride, long[] padding, long[] dilation, bool ceilMode = false)
            {
                Check2("max_pool2d", kernelSize, stride, padding, dilation);
                fixed (long* k = kernelSize, s = stride, p = padding, d = dilation)
                    return Tensor.Wrap(EtNN_max_pool2d(x.Handle, k, s, p, d, ceilMode ? 1 : 0));
            }

            /// <summary>Cross entropy of logits [N, C, ...] against class indices [N, ...] (or probabilities of the logits' shape).</summary>
            public static Tensor cross_entropy(Tensor logits, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                Tensor.Wrap(EtNN_cross_entropy(logits.Handle, target.Handle, H(weight), (long)reduction, ignore_index, label_smoothing));

            public static Tensor nll_loss(Tensor logProbs, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(EtNN_nll_loss(logProbs.Handle, target.Handle, H(weight), (long)reduction, ignore_index));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(EtNN_mse_loss(input.Handle, target.Handle, (long)reduction));

            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Tensor? pos_weight = null,
                Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(EtNN_bce_with_logits(input.Handle, target.Handle, H(weight), H(pos_weight), (long)reduction));

            private static void Check2(string op, params long[][] pairs)
            {
                foreach (var p in pairs)
                    if (p.Length != 2) throw new TorchException($"{op}: expected 2 values per spatial argument, got {p.Length}");
            }
        }
    }
}
