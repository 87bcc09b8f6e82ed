using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch;

/// <summary>
/// Tensor sums whose scalar lives as long as the process. TorchSharp's <c>a + b</c> is <c>add(b, 1)</c>: it makes a
/// temporary <see cref="Scalar"/> 1 and passes only its handle to libtorch, so a garbage collection during the call
/// can finalize the scalar while libtorch reads it ("Expected false to be true" in <c>Scalar::toLong</c>; seen when
/// IWGAN training stopped after step 100). <c>a - b</c> (<c>sub</c>) takes no scalar; numbers times tensors hold theirs.
/// </summary>
public static class TensorSums
{
    private static readonly Scalar One = 1L.ToScalar();

    /// <summary><paramref name="left"/> + <paramref name="right"/>, element-wise (broadcast).</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, One);

    /// <summary>Adds <paramref name="right"/> to <paramref name="left"/> in place.</summary>
    public static Tensor PlusInPlace(this Tensor left, Tensor right) => left.add_(right, One);
}
