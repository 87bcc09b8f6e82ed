using TorchSharp;
using TorchSharp.Modules;

namespace Euterpe.Training.Torch;

/// <summary>
/// Batch norms without the <c>num_batches_tracked</c> counter. TorchSharp's <c>BatchNorm.forward</c> adds 1 to that
/// integral buffer in training through temporary <see cref="torch.Scalar"/>s it passes to libtorch by handle; a garbage
/// collection during the call can finalize one while libtorch reads it: training stopped with "Scalar::toLong" (IWGAN,
/// step 100) and "For integral input tensors, argument alpha must not be a floating point number" (Pix2Pix). PyTorch
/// reads the counter only when momentum is None; with a fixed momentum (0.1 here) the running statistics are the same
/// without it, and PyTorch fills the missing buffer in when it loads such a state dict.
/// </summary>
public static class UntrackedBatchNorm
{
    /// <summary>A <see cref="BatchNorm1d"/> over <paramref name="features"/> channels (momentum 0.1, ε 1e-5, affine).</summary>
    public static BatchNorm1d Of1d(long features) => Untrack(torch.nn.BatchNorm1d(features));

    /// <summary>A <see cref="BatchNorm2d"/> over <paramref name="features"/> channels (momentum 0.1, ε 1e-5, affine).</summary>
    public static BatchNorm2d Of2d(long features) => Untrack(torch.nn.BatchNorm2d(features));

    /// <summary>
    /// Whether a checkpoint entry is a batch norm's counter, which a model built with these norms no longer has: runs
    /// saved before the change still load (checkpoints do not hold tracked and untracked norms side by side).
    /// </summary>
    public static bool IsDroppedCounter(string name) => name == CounterName || name.EndsWith("." + CounterName, StringComparison.Ordinal);

    private const string CounterName = "num_batches_tracked";

    private static T Untrack<T>(T norm) where T : BatchNorm
    {
        // The setter disposes the counter and takes it out of the module's buffers (and so out of checkpoints).
        norm.num_batches_tracked = null;
        return norm;
    }
}
