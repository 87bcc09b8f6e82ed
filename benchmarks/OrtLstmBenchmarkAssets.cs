using System.Diagnostics;

namespace Euterpe.Benchmarks;

/// <summary>Builds (once, into the temp directory) the benchmark's ONNX model and the C baseline program, and runs the latter.</summary>
public static class OrtLstmBenchmarkAssets
{
    private static bool _nativeBuilt;

    private static string WorkDirectory => Path.Combine(Path.GetTempPath(), "euterpe-ort-bench");

    public static string Model(string sourceDirectory, int hidden)
    {
        var model = Path.Combine(WorkDirectory, $"lstm_token_{hidden}.onnx");
        if (!File.Exists(model))
        {
            Directory.CreateDirectory(WorkDirectory);
            Exec("/usr/bin/python3", Path.Combine(sourceDirectory, "OrtLstmModel.py"), model, Inv(hidden));
        }
        return model;
    }

    /// <summary>Builds benchmarks/native/ort_lstm_step.c (once per process) and runs it; returns its report and µs/step.</summary>
    public static (string Report, double MicrosecondsPerStep) RunNative(string sourceDirectory, string library, string model, int steps, int hidden)
    {
        var binary = Path.Combine(WorkDirectory, "ort_lstm_step");
        if (!_nativeBuilt) Exec("bash", Path.Combine(sourceDirectory, "native", "build.sh"), binary);
        _nativeBuilt = true;
        var report = Exec(binary, library, model, Inv(steps), Inv(hidden)).Trim();
        // "c:  hidden H, N steps, X us/step, ..."
        var field = report.Split(", ").First(f => f.EndsWith(" us/step", StringComparison.Ordinal));
        return (report, double.Parse(field[..^" us/step".Length], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Inv(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Exec(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
