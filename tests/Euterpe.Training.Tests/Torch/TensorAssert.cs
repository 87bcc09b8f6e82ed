using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Torch;

internal static class TensorAssert
{
    /// <summary>Same shape and every element within atol + rtol·|expected|.</summary>
    public static void Close(Tensor expected, Tensor actual, string what, double atol = 1e-5, double rtol = 1e-5)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        using var e = expected.to(ScalarType.Float64);
        using var a = actual.to(ScalarType.Float64);
        var ev = Values<double>(e);
        var av = Values<double>(a);
        var worst = 0.0;
        var worstIndex = -1;
        for (var i = 0; i < ev.Length; i++)
        {
            var excess = Math.Abs(ev[i] - av[i]) - (atol + rtol * Math.Abs(ev[i]));
            if (excess > worst || double.IsNaN(av[i]) != double.IsNaN(ev[i])) { worst = double.IsNaN(excess) ? double.PositiveInfinity : excess; worstIndex = i; }
        }
        Assert.True(worstIndex < 0, worstIndex < 0 ? "" : $"{what}: element {worstIndex} is {av[worstIndex]}, PyTorch says {ev[worstIndex]}");
    }

    /// <summary>A tensor's elements in row-major order (copied to the CPU, contiguous).</summary>
    public static T[] Values<T>(Tensor t) where T : unmanaged
    {
        using var c = t.detach().cpu().contiguous();
        return c.data<T>().ToArray();
    }
}
