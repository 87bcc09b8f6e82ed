using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Euterpe.Core.Runtime;

namespace Euterpe.Benchmarks;

/// <summary>
/// One generation step of a 3-layer LSTM token model (vocabulary 388; 512 units, and 16 units to expose per-run overhead)
/// at batch 1 through Euterpe's <see cref="BoundRun"/> over the Microsoft.ML.OnnxRuntime package (RunWithBinding): write the
/// token, run, copy the state outputs back to the inputs. Setup also runs the same model, stepped the same way, through a
/// C program calling the C API directly (benchmarks/native) on the same libonnxruntime.so (the package's, beside this
/// assembly), and prints its µs/step and steps/s beside ours, so the managed layer's per-run cost is the difference.
/// Run: dotnet run -c Release --project benchmarks -- --filter '*OrtLstmStep*'
/// <para>
/// Reference, this 2-core VM, before the package replaced Euterpe's hand-made C-API binding (BenchmarkDotNet Mean, per step):
/// hidden 16: old binding on npm's ORT 1.30 12.99 µs, old binding on ORT 1.32's library 12.57 µs, C program (best of 5, 1.32) 12.89 µs;
/// hidden 512: 541.6 µs, 481.2 µs, C 454.3 µs; 0 bytes allocated. Target for the package: at most the old binding + 2 µs, 0 bytes.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class OrtLstmStepBenchmarks
{
    private const int Vocabulary = 388;
    private InferenceSession? _session;
    private BoundRun? _run;
    private OrtTensor[] _tensors = [];
    private long _step;
    private nint _token, _h, _c, _hOut, _cOut;
    private int _stateBytes;

    [Params(512, 16)]
    public int Hidden { get; set; }

    public static string SourceDirectory([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;

    [GlobalSetup]
    public void Setup()
    {
        var model = OrtLstmBenchmarkAssets.Model(SourceDirectory(), Hidden);
        _session = InferenceSession.Open(model, new InferenceOptions { IntraOpThreads = 1, AllowSpinning = false });
        var token = OrtTensor.Create<long>(1);
        var h = OrtTensor.Create<float>(3, 1, Hidden);
        var c = OrtTensor.Create<float>(3, 1, Hidden);
        var logits = OrtTensor.Create<float>(1, Vocabulary);
        var hOut = OrtTensor.Create<float>(3, 1, Hidden);
        var cOut = OrtTensor.Create<float>(3, 1, Hidden);
        _tensors = [token, h, c, logits, hOut, cOut];
        _run = _session.Bind(
            new Dictionary<string, OrtTensor> { ["token"] = token, ["h"] = h, ["c"] = c },
            new Dictionary<string, OrtTensor> { ["logits"] = logits, ["h_out"] = hOut, ["c_out"] = cOut });
        (_token, _h, _c, _hOut, _cOut, _stateBytes) = (token.Data, h.Data, c.Data, hOut.Data, cOut.Data, h.ByteLength);
        for (var i = 0; i < 200; i++) Step();

        // Side by side with the C program, alternating so that load from elsewhere hits both alike; the best round of
        // each is the least disturbed, so their difference is the closest estimate of the managed layer's own cost.
        var steps = Hidden >= 256 ? 2000 : 20000;
        double bestNative = double.MaxValue, bestManaged = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var native = OrtLstmBenchmarkAssets.RunNative(SourceDirectory(), OnnxRuntimeLibrary.Path, model, steps, Hidden);
            bestNative = Math.Min(bestNative, native.MicrosecondsPerStep);
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++) Step();
            var us = sw.Elapsed.TotalMicroseconds / steps;
            bestManaged = Math.Min(bestManaged, us);
            Console.WriteLine($"// {native.Report}");
            Console.WriteLine($"// c#: hidden {Hidden}, {steps} steps, {us:F3} us/step, {1e6 / us:F1} steps/s (ONNX Runtime {OnnxRuntimeLibrary.Version})");
        }
        Console.WriteLine($"// best of 5, hidden {Hidden}: c {bestNative:F3} us/step ({1e6 / bestNative:F1} steps/s), " +
            $"c# {bestManaged:F3} us/step ({1e6 / bestManaged:F1} steps/s), difference {bestManaged - bestNative:+0.000;-0.000} us");
    }

    [Benchmark]
    public unsafe void Step()
    {
        *(long*)_token = _step++ % Vocabulary;
        _run!.Run();
        Buffer.MemoryCopy((void*)_hOut, (void*)_h, _stateBytes, _stateBytes);
        Buffer.MemoryCopy((void*)_cOut, (void*)_c, _stateBytes, _stateBytes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _run?.Dispose();
        foreach (var t in _tensors) t.Dispose();
        _session?.Dispose();
    }
}
