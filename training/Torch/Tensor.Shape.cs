using static Euterpe.Training.Torch.Native.NativeTensor;

namespace Euterpe.Training.Torch;

// Views, reshapes and indexing.
public sealed partial class Tensor
{
    public unsafe Tensor reshape(params long[] shape) { fixed (long* s = shape) return Wrap(EtTensor_reshape(Handle, s, shape.Length)); }
    public unsafe Tensor view(params long[] shape) { fixed (long* s = shape) return Wrap(EtTensor_view(Handle, s, shape.Length)); }
    public unsafe Tensor expand(params long[] shape) { fixed (long* s = shape) return Wrap(EtTensor_expand(Handle, s, shape.Length)); }
    public unsafe Tensor permute(params long[] dims) { fixed (long* d = dims) return Wrap(EtTensor_permute(Handle, d, dims.Length)); }
    public Tensor transpose(long dim0, long dim1) => Wrap(EtTensor_transpose(Handle, dim0, dim1));
    public Tensor t() => transpose(0, 1);
    public Tensor narrow(long dim, long start, long length) => Wrap(EtTensor_narrow(Handle, dim, start, length));
    public Tensor slice(long dim, long start, long end, long step = 1) => Wrap(EtTensor_slice(Handle, dim, start, end, step));
    public Tensor select(long dim, long index) => Wrap(EtTensor_select(Handle, dim, index));
    public Tensor index_select(long dim, Tensor index) => Wrap(EtTensor_index_select(Handle, dim, index.Handle));
    public Tensor gather(long dim, Tensor index) => Wrap(EtTensor_gather(Handle, dim, index.Handle));
    public Tensor unsqueeze(long dim) => Wrap(EtTensor_unsqueeze(Handle, dim));
    public Tensor squeeze() => Wrap(EtTensor_squeeze(Handle));
    public Tensor squeeze(long dim) => Wrap(EtTensor_squeeze_dim(Handle, dim));
    public Tensor contiguous() => Wrap(EtTensor_contiguous(Handle));
    public Tensor clone() => Wrap(EtTensor_clone(Handle));
    public Tensor flatten() => reshape(-1);
}
