using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Euterpe.Cli.Tests;

/// <summary>
/// Builds the inference test models (tests/Euterpe.Core.Tests/Runtime/make_test_models.py) once per run with the
/// system Python into a temporary directory, and runs processes the CLI tests need.
/// </summary>
public static class OnnxCliModels
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string PathOf(string name) => Path.Combine(Built.Value, name);

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException($"{file} timed out"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RunPython(string code, params string[] args)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} not found: install python3, python3-numpy and python3-onnx");
        var (code2, stdout, stderr) = Run(Python, new[] { "-c", code }.Concat(args));
        if (code2 != 0) throw new InvalidOperationException($"python failed ({code2}): {stderr}");
        return stdout;
    }

    private static string Script([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Euterpe.Core.Tests", "Runtime", "make_test_models.py");

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"euterpe-onnx-cli-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} not found: install python3, python3-numpy and python3-onnx");
        var (code, _, stderr) = Run(Python, [Script(), dir]);
        if (code != 0) throw new InvalidOperationException($"make_test_models.py failed: {stderr}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch (IOException) { } };
        return dir;
    }
}
