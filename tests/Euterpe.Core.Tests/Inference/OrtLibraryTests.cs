using Euterpe.Core.Inference;

namespace Euterpe.Core.Tests.Inference;

public class OrtLibraryTests
{
    [Fact]
    public void DefaultLibraryIsTheCachedRuntime()
    {
        var library = OrtLibrary.Default;
        Assert.Equal(OrtLibrary.CachedVersion, library.Version);
        Assert.True(File.Exists(library.Path));
    }

    [Fact]
    public void MissingLibraryNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "libonnxruntime.so.1");
        var ex = Assert.Throws<EuterpeException>(() => OrtLibrary.Load(path));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains("not found", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void SharedLibraryWithoutTheOrtApiIsRejected()
    {
        var libz = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libm.so.6" }.First(File.Exists);
        var ex = Assert.Throws<EuterpeException>(() => OrtLibrary.Load(libz));
        Assert.Equal($"{libz}: not an ONNX Runtime library (no OrtGetApiBase export)", ex.Message);
    }

    [Fact]
    public void FileThatIsNotALibraryCannotBeLoaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "not an ELF file");
        try
        {
            var ex = Assert.Throws<EuterpeException>(() => OrtLibrary.Load(path));
            Assert.StartsWith($"{path}: cannot load ONNX Runtime library", ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CudaWithoutItsProviderLibraryIsAClearError()
    {
        var provider = Path.Combine(Path.GetDirectoryName(OrtLibrary.Default.Path)!, "libonnxruntime_providers_cuda.so");
        if (File.Exists(provider)) return; // a GPU build is installed: nothing is missing to report
        var ex = Assert.Throws<EuterpeException>(() =>
            InferenceSession.Open(TestModels.PathOf("add.onnx"), new InferenceOptions { Provider = ExecutionProvider.Cuda }));
        Assert.Contains("libonnxruntime_providers_cuda.so", ex.Message);
        Assert.StartsWith(TestModels.PathOf("add.onnx") + ": ", ex.Message);
    }
}
