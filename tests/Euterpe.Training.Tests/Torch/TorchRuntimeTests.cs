using Euterpe.Core;
using Euterpe.Training.Torch;

namespace Euterpe.Training.Tests.Torch;

[Collection(ProcessWideTorchStateCollection.Name)]
public sealed class TorchRuntimeTests
{
    [Fact]
    public void Cuda_without_a_cuda_libtorch_is_one_line_naming_what_to_do()
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "libtorch_cuda.so"))) return; // a CUDA build: nothing to check here
        var e = Assert.Throws<EuterpeException>(() => TorchRuntime.Device("cuda"));
        Assert.StartsWith("--device cuda: this build's libtorch is CPU-only", e.Message);
        Assert.Contains(TorchRuntime.UserLibTorchVariable, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unknown_device_is_refused()
    {
        var e = Assert.Throws<EuterpeException>(() => TorchRuntime.Device("tpu"));
        Assert.Equal("--device tpu: must be cpu or cuda", e.Message);
    }

    [Fact]
    public void Threads_follow_the_request_and_default_to_the_machine()
    {
        Assert.Equal(1, TorchRuntime.SetThreads(1));
        var expected = int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), out var omp) && omp > 0 ? omp : Environment.ProcessorCount;
        Assert.Equal(expected, TorchRuntime.SetThreads());
    }

    [Fact]
    public void The_binding_library_beside_the_tests_was_patched_where_this_libstdcxx_needs_it()
    {
        // Loading it is the check: on Debian 12 an unpatched copy fails with "GLIBCXX_3.4.32 not found".
        TorchRuntime.EnsureLoaded();
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, TorchRuntime.BindingLibrary)));
    }
}
