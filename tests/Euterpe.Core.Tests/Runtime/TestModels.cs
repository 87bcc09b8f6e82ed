using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Euterpe.Core.Tests.Runtime;

/// <summary>
/// The ONNX models and numpy references the inference tests use, built once per test run by make_test_models.py
/// with the system Python (python3-onnx, numpy) into a temporary directory.
/// </summary>
public static class TestModels
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Built.Value;

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public static string ScriptPath([CallerFilePath] string source = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "make_test_models.py");

    /// <summary>Runs a Python snippet with the system interpreter and returns its standard output.</summary>
    public static string RunPython(string code, params string[] args)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} not found: install python3, python3-numpy and python3-onnx");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException("python timed out"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"python failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    private static string Build()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"euterpe-ort-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var script = File.ReadAllText(ScriptPath());
        RunPython($"import sys; sys.argv = ['make_test_models.py', sys.argv[1]]; exec(compile({PyString(script)}, 'make_test_models.py', 'exec'))", dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { System.IO.Directory.Delete(dir, true); } catch (IOException) { } };
        return dir;
    }

    private static string PyString(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'";
}
