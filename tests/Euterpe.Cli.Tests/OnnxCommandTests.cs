using System.CommandLine;
using Euterpe.Cli.Commands;
using Euterpe.Core.Runtime;

namespace Euterpe.Cli.Tests;

public class OnnxCommandTests
{
    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(OnnxCommand.Create());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandRunner.Invoke(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void InfoShowsSignatureOpsetProducerAndMetadata()
    {
        var (code, output, err) = Invoke("onnx", "info", OnnxTestModels.PathOf("add.onnx"));
        Assert.Equal("", err);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("producer: euterpe-tests 0.1", lines);
        Assert.Contains("opsets: ai.onnx v13", lines);
        Assert.Contains("description: adds two matrices", lines);
        Assert.Contains("model version: 7", lines);
        Assert.Contains("x: float[2, 3]", lines);
        Assert.Contains("z: float[2, 3]", lines);
        Assert.Contains("vocab = 388", lines);
    }

    [Fact]
    public void InfoShowsSymbolicDimensions()
    {
        var (code, output, _) = Invoke("onnx", "info", OnnxTestModels.PathOf("matmul.onnx"));
        Assert.Equal(0, code);
        Assert.Contains("  x: float[batch, 4]", output);
        Assert.Contains("  y: float[batch, 5]", output);
        Assert.Contains("opsets: ai.onnx v13, com.microsoft v1", output);
        Assert.DoesNotContain("model version", output);
    }

    [Fact]
    public void RunWritesOutputsNumpyAgreesWith()
    {
        using var temp = new TempFolder("onnx-cli-");
        var dir = temp.Path("out");
        var (code, _, err) = Invoke("onnx", "run", OnnxTestModels.PathOf("matmul.onnx"), "--input", $"x={OnnxTestModels.PathOf("matmul_x.npy")}", "--out", dir);
        Assert.Equal("", err);
        Assert.Equal(0, code);
        var verdict = PythonRunner.RunCode(
            "import sys, numpy as np\n" +
            "a = np.load(sys.argv[1]); b = np.load(sys.argv[2])\n" +
            "print(a.dtype.str, a.shape, bool(np.allclose(a, b, atol=1e-5)))\n",
            Path.Combine(dir, "y.npy"), OnnxTestModels.PathOf("matmul_y.npy"));
        Assert.Equal("<f4 (3, 5) True", verdict.Trim());
        Assert.Equal(["y.npy"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void CorruptModelIsOneErrorLineAndExitTwo()
    {
        var path = OnnxTestModels.PathOf("corrupt.onnx");
        var (code, _, err) = Invoke("onnx", "info", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {path}: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Theory]
    // A wrong .npy is named, not the model: the file is what the user must fix.
    [InlineData("x=add_x.npy", "y=cast_i.npy", "cast_i.npy: input \"y\" must be float, got int64[4]")]
    [InlineData("x=add_x.npy", "y=matmul_x.npy", "matmul_x.npy: input \"y\" must have shape y: float[2, 3], got float[3, 4]")]
    [InlineData("x=add_x.npy", "w=add_y.npy", "model has no input \"w\" (inputs: x, y)")]
    [InlineData("x=add_x.npy", "y=fortran.npy", "Fortran-ordered arrays are not supported")]
    public void WrongInputsAreOneErrorLineAndExitTwo(string first, string second, string problem)
    {
        string Resolve(string spec) => spec[..2] + OnnxTestModels.PathOf(spec[2..]);
        using var temp = new TempFolder("onnx-cli-");
        var dir = temp.Path("out");
        var (code, _, err) = Invoke("onnx", "run", OnnxTestModels.PathOf("add.onnx"), "--input", Resolve(first), "--input", Resolve(second), "--out", dir);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains(problem, err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void MalformedInputSpecIsAnError()
    {
        using var temp = new TempFolder("onnx-cli-");
        var (code, _, err) = Invoke("onnx", "run", OnnxTestModels.PathOf("add.onnx"), "--input", "x", "--out", temp.Path("out"));
        Assert.Equal(2, code);
        Assert.Equal("error: --input \"x\": expected NAME=FILE.npy", err.TrimEnd());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-ort")]
    public void BadLibraryFromEnvironmentIsOneErrorLine(string which)
    {
        var library = which == "missing"
            ? Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "libonnxruntime.so.1")
            : new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libm.so.6" }.First(File.Exists);
        var (_, code, stdout, err, _) = EuterpeProcess.Run(["onnx", "info", OnnxTestModels.PathOf("add.onnx")],
            new Dictionary<string, string> { ["EUTERPE_ORT_LIBRARY"] = library });
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var expected = which == "missing" ? $"error: {library}: ONNX Runtime library not found" : $"error: {library}: not an ONNX Runtime library (no OrtGetApiBase export)";
        Assert.StartsWith(expected, err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void LibraryFromEnvironmentIsTheOneThatRuns()
    {
        // A copy of the package's library in a folder of its own: `onnx info` must report that copy as its runtime, and
        // the dynamic loader's log (LD_DEBUG, to files) must show that copy, not the one beside the assemblies, initialised.
        using var temp = new TempFolder("onnx-cli-");
        var dir = temp.Root;
        var copy = Path.Combine(dir, "libonnxruntime.so");
        File.Copy(Euterpe.Core.Runtime.OnnxRuntimeLibrary.Path, copy);
        var cli = typeof(CommandRunner).Assembly.Location;
        var (_, code, stdout, err, _) = EuterpeProcess.Run(["onnx", "info", OnnxTestModels.PathOf("add.onnx")],
            new Dictionary<string, string> { ["EUTERPE_ORT_LIBRARY"] = copy, ["LD_DEBUG"] = "files", ["LD_DEBUG_OUTPUT"] = Path.Combine(dir, "ld") });
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Assert.Contains($"runtime: ONNX Runtime 1.32.0 ({copy})", stdout.Split('\n', StringSplitOptions.TrimEntries));
        var loaderLog = string.Concat(Directory.GetFiles(dir, "ld.*").Select(File.ReadAllText));
        Assert.Contains($"calling init: {copy}", loaderLog);
        Assert.DoesNotContain($"calling init: {Path.Combine(Path.GetDirectoryName(cli)!, "libonnxruntime.so")}", loaderLog);
    }

    [Fact]
    public void CudaOnAMachineWithoutItNamesWhatIsMissing()
    {
        var missing = Euterpe.Core.Runtime.CudaRequirements.MissingLibraries();
        if (missing.Count == 0) return; // a CUDA machine: nothing is missing to report
        using var temp = new TempFolder("onnx-cli-");
        var dir = temp.Path("out");
        var model = OnnxTestModels.PathOf("matmul.onnx");
        var (code, _, err) = Invoke("onnx", "run", model, "--input", $"x={OnnxTestModels.PathOf("matmul_x.npy")}", "--out", dir, "--cuda");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {model}: CUDA requested but missing: ", err);
        foreach (var library in missing) Assert.Contains(library, err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(dir));
    }
}
