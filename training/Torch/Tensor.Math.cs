using Euterpe.Training.Torch.Native;
using static Euterpe.Training.Torch.Native.NativeTensor;

namespace Euterpe.Training.Torch;

// Element-wise arithmetic, activations, reductions and operators.
public sealed partial class Tensor
{
    public Tensor add(Tensor other, double alpha = 1) => Wrap(EtTensor_add(Handle, other.Handle, alpha));
    public Tensor add(double s) => Wrap(EtTensor_add_scalar(Handle, s));
    public Tensor sub(Tensor other) => Wrap(EtTensor_sub(Handle, other.Handle));
    public Tensor sub(double s) => Wrap(EtTensor_sub_scalar(Handle, s));
    public Tensor mul(Tensor other) => Wrap(EtTensor_mul(Handle, other.Handle));
    public Tensor mul(double s) => Wrap(EtTensor_mul_scalar(Handle, s));
    public Tensor div(Tensor other) => Wrap(EtTensor_div(Handle, other.Handle));
    public Tensor div(double s) => Wrap(EtTensor_div_scalar(Handle, s));
    public Tensor pow(Tensor exponent) => Wrap(EtTensor_pow(Handle, exponent.Handle));
    public Tensor pow(double exponent) => Wrap(EtTensor_pow_scalar(Handle, exponent));
    public Tensor neg() => Wrap(EtTensor_neg(Handle));
    public Tensor exp() => Wrap(EtTensor_exp(Handle));
    public Tensor log() => Wrap(EtTensor_log(Handle));
    public Tensor tanh() => Wrap(EtTensor_tanh(Handle));
    public Tensor sigmoid() => Wrap(EtTensor_sigmoid(Handle));
    public Tensor relu() => Wrap(EtTensor_relu(Handle));
    public Tensor leaky_relu(double negativeSlope = 0.01) => Wrap(EtTensor_leaky_relu(Handle, negativeSlope));
    public Tensor sqrt() => Wrap(EtTensor_sqrt(Handle));
    public Tensor abs() => Wrap(EtTensor_abs(Handle));
    public Tensor clamp(double? min = null, double? max = null) =>
        Wrap(EtTensor_clamp(Handle, min ?? 0, max ?? 0, min.HasValue ? 1 : 0, max.HasValue ? 1 : 0));
    public Tensor maximum(Tensor other) => Wrap(EtTensor_maximum(Handle, other.Handle));
    public Tensor minimum(Tensor other) => Wrap(EtTensor_minimum(Handle, other.Handle));
    public Tensor eq(Tensor other) => Wrap(EtTensor_eq(Handle, other.Handle));
    public Tensor eq(double s) => Wrap(EtTensor_eq_scalar(Handle, s));
    public Tensor gt(Tensor other) => Wrap(EtTensor_gt(Handle, other.Handle));
    public Tensor gt(double s) => Wrap(EtTensor_gt_scalar(Handle, s));
    public Tensor lt(Tensor other) => Wrap(EtTensor_lt(Handle, other.Handle));
    public Tensor lt(double s) => Wrap(EtTensor_lt_scalar(Handle, s));
    public Tensor matmul(Tensor other) => Wrap(EtTensor_matmul(Handle, other.Handle));
    public Tensor bmm(Tensor other) => Wrap(EtTensor_bmm(Handle, other.Handle));

    public Tensor sum() => Wrap(EtTensor_sum_all(Handle));
    public unsafe Tensor sum(long[] dims, bool keepdim = false) { fixed (long* d = dims) return Wrap(EtTensor_sum(Handle, d, dims.Length, keepdim ? 1 : 0)); }
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);
    public Tensor mean() => Wrap(EtTensor_mean_all(Handle));
    public unsafe Tensor mean(long[] dims, bool keepdim = false) { fixed (long* d = dims) return Wrap(EtTensor_mean(Handle, d, dims.Length, keepdim ? 1 : 0)); }
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);
    public Tensor max() => Wrap(EtTensor_max_all(Handle));

    /// <summary>Maximum along a dimension: (values, indices).</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
    {
        var values = Wrap(EtTensor_max(Handle, dim, keepdim ? 1 : 0, out var indices));
        return (values, Wrap(indices));
    }

    public Tensor argmax(long dim, bool keepdim = false) => Wrap(EtTensor_argmax(Handle, dim, keepdim ? 1 : 0));
    public unsafe Tensor logsumexp(long dim, bool keepdim = false) => Wrap(EtTensor_logsumexp(Handle, &dim, 1, keepdim ? 1 : 0));
    public Tensor log_softmax(long dim) => Wrap(EtTensor_log_softmax(Handle, dim));
    public Tensor softmax(long dim) => Wrap(EtTensor_softmax(Handle, dim));
    public Tensor norm(double p = 2) => Wrap(EtTensor_norm(Handle, p));

    /// <summary>Draws <paramref name="numSamples"/> indices per row from the (unnormalised) probabilities in this tensor.</summary>
    public Tensor multinomial(long numSamples, bool replacement = false) => Wrap(EtTensor_multinomial(Handle, numSamples, replacement ? 1 : 0));

    // In-place operations (initialisers and buffer updates); they return this tensor.
    public Tensor uniform_(double from = 0, double to = 1) { TorchException.Check(EtTensor_uniform_(Handle, from, to)); return this; }
    public Tensor normal_(double mean = 0, double std = 1) { TorchException.Check(EtTensor_normal_(Handle, mean, std)); return this; }
    public Tensor fill_(double value) { TorchException.Check(EtTensor_fill_(Handle, value)); return this; }
    public Tensor zero_() { TorchException.Check(EtTensor_zero_(Handle)); return this; }
    public Tensor copy_(Tensor src) { TorchException.Check(EtTensor_copy_(Handle, src.Handle)); return this; }
    public Tensor add_(double s) { TorchException.Check(EtTensor_add_scalar_(Handle, s)); return this; }

    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    public static Tensor operator -(double a, Tensor b) => Wrap(EtTensor_rsub_scalar(b.Handle, a));
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, double b) => a.div(b);
    public static Tensor operator /(double a, Tensor b) { using var r = b.pow(-1); return r.mul(a); }
    public static Tensor operator -(Tensor a) => a.neg();
}
