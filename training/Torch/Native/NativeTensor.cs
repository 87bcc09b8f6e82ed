using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

/// <summary>P/Invoke declarations for ShimTensor.cpp. Handles are at::Tensor* owned by <see cref="TensorHandle"/>.</summary>
internal static unsafe class NativeTensor
{
    private const string L = TorchLibrary.Name;

    [DllImport(L)] internal static extern void EtTensor_free(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_dim(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_shape(IntPtr t, long* shape, int capacity);
    [DllImport(L)] internal static extern long EtTensor_numel(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_dtype(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_device_type(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_device_index(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_cuda_is_available();
    [DllImport(L)] internal static extern int EtTensor_cuda_device_count();
    [DllImport(L)] internal static extern double EtTensor_item(IntPtr t);
    [DllImport(L)] internal static extern void EtTensor_manual_seed(ulong seed);
    [DllImport(L)] internal static extern void EtTensor_set_num_threads(int n);
    [DllImport(L)] internal static extern int EtTensor_get_num_threads();

    [DllImport(L)] internal static extern IntPtr EtTensor_zeros(long* shape, int n, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_ones(long* shape, int n, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_randn(long* shape, int n, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_rand(long* shape, int n, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_randint(long low, long high, long* shape, int n, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_full(long* shape, int n, double value, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_arange(double start, double end, double step, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_eye(long n, long m, int dtype, int dev, int idx);
    [DllImport(L)] internal static extern IntPtr EtTensor_to(IntPtr t, int dtype, int dev, int idx);

    [DllImport(L)] internal static extern IntPtr EtTensor_neg(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_exp(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_log(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_tanh(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_sigmoid(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_relu(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_sqrt(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_abs(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_contiguous(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_clone(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_detach(IntPtr a);

    [DllImport(L)] internal static extern IntPtr EtTensor_add(IntPtr a, IntPtr b, double alpha);
    [DllImport(L)] internal static extern IntPtr EtTensor_sub(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_mul(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_div(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_pow(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_matmul(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_bmm(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_maximum(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_minimum(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_eq(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_gt(IntPtr a, IntPtr b);
    [DllImport(L)] internal static extern IntPtr EtTensor_lt(IntPtr a, IntPtr b);

    [DllImport(L)] internal static extern IntPtr EtTensor_add_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_sub_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_mul_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_div_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_pow_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_rsub_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_leaky_relu(IntPtr a, double slope);
    [DllImport(L)] internal static extern IntPtr EtTensor_eq_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_gt_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_lt_scalar(IntPtr a, double s);
    [DllImport(L)] internal static extern IntPtr EtTensor_clamp(IntPtr a, double min, double max, int hasMin, int hasMax);
    [DllImport(L)] internal static extern IntPtr EtTensor_where(IntPtr cond, IntPtr a, IntPtr b);

    [DllImport(L)] internal static extern int EtTensor_uniform_(IntPtr t, double from, double to);
    [DllImport(L)] internal static extern int EtTensor_normal_(IntPtr t, double mean, double std);
    [DllImport(L)] internal static extern int EtTensor_fill_(IntPtr t, double value);
    [DllImport(L)] internal static extern int EtTensor_zero_(IntPtr t);
    [DllImport(L)] internal static extern int EtTensor_copy_(IntPtr t, IntPtr src);
    [DllImport(L)] internal static extern int EtTensor_add_scalar_(IntPtr t, double s);

    [DllImport(L)] internal static extern IntPtr EtTensor_sum_all(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_mean_all(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_max_all(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_sum(IntPtr a, long* dims, int n, int keep);
    [DllImport(L)] internal static extern IntPtr EtTensor_mean(IntPtr a, long* dims, int n, int keep);
    [DllImport(L)] internal static extern IntPtr EtTensor_max(IntPtr a, long dim, int keep, out IntPtr indices);
    [DllImport(L)] internal static extern IntPtr EtTensor_argmax(IntPtr a, long dim, int keep);
    [DllImport(L)] internal static extern IntPtr EtTensor_logsumexp(IntPtr a, long* dims, int n, int keep);
    [DllImport(L)] internal static extern IntPtr EtTensor_log_softmax(IntPtr a, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_softmax(IntPtr a, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_norm(IntPtr a, double p);
    [DllImport(L)] internal static extern IntPtr EtTensor_multinomial(IntPtr a, long n, int replacement);

    [DllImport(L)] internal static extern IntPtr EtTensor_reshape(IntPtr a, long* shape, int n);
    [DllImport(L)] internal static extern IntPtr EtTensor_view(IntPtr a, long* shape, int n);
    [DllImport(L)] internal static extern IntPtr EtTensor_expand(IntPtr a, long* shape, int n);
    [DllImport(L)] internal static extern IntPtr EtTensor_permute(IntPtr a, long* dims, int n);
    [DllImport(L)] internal static extern IntPtr EtTensor_transpose(IntPtr a, long d0, long d1);
    [DllImport(L)] internal static extern IntPtr EtTensor_narrow(IntPtr a, long dim, long start, long length);
    [DllImport(L)] internal static extern IntPtr EtTensor_slice(IntPtr a, long dim, long start, long end, long step);
    [DllImport(L)] internal static extern IntPtr EtTensor_select(IntPtr a, long dim, long index);
    [DllImport(L)] internal static extern IntPtr EtTensor_index_select(IntPtr a, long dim, IntPtr index);
    [DllImport(L)] internal static extern IntPtr EtTensor_gather(IntPtr a, long dim, IntPtr index);
    [DllImport(L)] internal static extern IntPtr EtTensor_unsqueeze(IntPtr a, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_squeeze(IntPtr a);
    [DllImport(L)] internal static extern IntPtr EtTensor_squeeze_dim(IntPtr a, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_cat(IntPtr* tensors, int n, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_stack(IntPtr* tensors, int n, long dim);
    [DllImport(L)] internal static extern IntPtr EtTensor_one_hot(IntPtr a, long classes);
}
