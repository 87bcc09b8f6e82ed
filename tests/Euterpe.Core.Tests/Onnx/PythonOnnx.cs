using System.Diagnostics;

namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// Runs Debian's /usr/bin/python3 (python3-onnx, numpy, and torch for parity tests) as the independent implementation.
/// Fails with a clear message when it is missing rather than skipping.
/// </summary>
internal static class PythonOnnx
{
    private const string Python = "/usr/bin/python3";

    public static string Run(string script, params string[] args)
    {
        if (!File.Exists(Python))
            Assert.Fail($"{Python} not found: install python3, python3-onnx and python3-numpy (scripts/install-deps.sh)");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("python did not finish within 60 s");
        }
        if (stderr.Result.Contains("No module named 'onnx'") || stderr.Result.Contains("No module named 'numpy'"))
            Assert.Fail($"{Python} lacks onnx or numpy: install python3-onnx and python3-numpy (scripts/install-deps.sh)");
        if (stderr.Result.Contains("No module named 'torch'"))
            Assert.Fail($"{Python} lacks torch: install python3-torch (scripts/install-deps.sh)");
        Assert.True(process.ExitCode == 0, $"python failed ({process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
        return stdout.Result;
    }

    /// <summary>onnx.checker with full_check (which also runs strict shape inference) on a file.</summary>
    public static void Check(string path) => Run("import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)", path);
}
