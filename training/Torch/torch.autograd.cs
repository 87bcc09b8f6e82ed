using static Euterpe.Training.Torch.Native.NativeAutograd;

namespace Euterpe.Training.Torch;


public static partial class torch
{
    /// <summary>torch.autograd: gradients of outputs with respect to inputs, optionally differentiable (create_graph).</summary>
    public static class autograd
    {
        public static unsafe IList<Tensor?> grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
            IReadOnlyList<Tensor>? grad_outputs = null, bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            if (grad_outputs != null && grad_outputs.Count != outputs.Count)
                throw new TorchException($"autograd.grad: {grad_outputs.Count} grad_outputs for {outputs.Count} outputs");
            var outs = Handles(outputs);
            var ins = Handles(inputs);
            var gos = grad_outputs is null ? null : Handles(grad_outputs);
            var results = new IntPtr[ins.Length];
            fixed (IntPtr* o = outs)
            fixed (IntPtr* i = ins)
            fixed (IntPtr* g = gos)
            fixed (IntPtr* r = results)
            {
                TorchException.Check(EtAutograd_grad(o, outs.Length, i, ins.Length, gos is null ? null : g,
                    retain_graph ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, r));
            }
            var list = new Tensor?[results.Length];
            for (var k = 0; k < results.Length; k++) list[k] = results[k] == IntPtr.Zero ? null : Tensor.Wrap(results[k]);
            return list;
        }
    }
}

