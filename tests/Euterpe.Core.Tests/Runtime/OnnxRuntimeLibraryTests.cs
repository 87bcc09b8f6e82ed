using Euterpe.Core.Runtime;

namespace Euterpe.Core.Tests.Runtime;

public class OnnxRuntimeLibraryTests
{
    [Fact]
    public void DefaultLibraryIsThePackagesBuildBesideTheAssemblies()
    {
        Assert.Equal(Path.Combine(Path.GetDirectoryName(typeof(Microsoft.ML.OnnxRuntime.OrtEnv).Assembly.Location)!, "libonnxruntime.so"), OnnxRuntimeLibrary.Path);
        Assert.True(File.Exists(OnnxRuntimeLibrary.Path));
        Assert.Equal("1.32.0", OnnxRuntimeLibrary.Version);
    }

    [Fact]
    public void MissingLibraryNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "libonnxruntime.so");
        var ex = Assert.Throws<EuterpeException>(() => OnnxRuntimeLibrary.Open(path));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains("not found", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void SharedLibraryWithoutTheOrtApiIsRejected()
    {
        var libz = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libm.so.6" }.First(File.Exists);
        var ex = Assert.Throws<EuterpeException>(() => OnnxRuntimeLibrary.Open(libz));
        Assert.Equal($"{libz}: not an ONNX Runtime library (no OrtGetApiBase export)", ex.Message);
    }

    [Fact]
    public void FileThatIsNotALibraryCannotBeLoaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "not an ELF file");
        try
        {
            var ex = Assert.Throws<EuterpeException>(() => OnnxRuntimeLibrary.Open(path));
            Assert.StartsWith($"{path}: cannot load ONNX Runtime library", ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CudaOnAMachineWithoutItNamesWhatIsMissingInOneLine()
    {
        var missing = CudaRequirements.MissingLibraries();
        if (missing.Count == 0) return; // a CUDA machine: nothing is missing to report
        var model = OnnxTestModels.PathOf("add.onnx");
        var ex = Assert.Throws<EuterpeException>(() =>
            InferenceSession.Open(model, new InferenceOptions { Provider = ExecutionProvider.Cuda }));
        Assert.StartsWith($"{model}: CUDA requested but missing: ", ex.Message);
        foreach (var library in missing) Assert.Contains(library, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);

        // The refusal changes nothing: the CPU runtime still serves the same model.
        using var session = InferenceSession.Open(model);
        Assert.Equal("z", Assert.Single(session.Outputs).Name);
    }
}
