using Euterpe.Training.Torch.Native;
using static Euterpe.Training.Torch.Native.NativeAutograd;

namespace Euterpe.Training.Torch;

// Autograd: requires_grad, grad, backward, detach.
public sealed partial class Tensor
{
    public bool requires_grad
    {
        get => TorchException.Check(EtAutograd_requires_grad(Handle)) != 0;
        set => TorchException.Check(EtAutograd_set_requires_grad(Handle, value ? 1 : 0));
    }

    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>The accumulated gradient (a new handle onto it), or null before any backward pass.</summary>
    public Tensor? grad => WrapOptional(EtAutograd_grad_of(Handle));

    /// <summary>Drops the accumulated gradient (PyTorch's zero_grad with set_to_none).</summary>
    public void clear_grad() => TorchException.Check(EtAutograd_clear_grad(Handle));

    public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false) =>
        TorchException.Check(EtAutograd_backward(Handle, gradient?.Handle ?? IntPtr.Zero, retain_graph ? 1 : 0, create_graph ? 1 : 0));

    public Tensor detach() => Wrap(NativeTensor.EtTensor_detach(Handle));
}
