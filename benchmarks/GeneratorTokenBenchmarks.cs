using BenchmarkDotNet.Attributes;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;

namespace Euterpe.Benchmarks;

/// <summary>
/// Tokens per second of TokenGenerator over the 3-layer 512-unit LSTM token model (benchmarks/OrtLstmModel.py; vocabulary
/// 388) through OnnxTokenStepModel: one model step plus sampling per token, greedy and with temperature, top-k and top-p.
/// One operation is 100 tokens, so the reported mean ÷ 100 is the time per token.
/// Run: dotnet run -c Release --project benchmarks -- --filter '*GeneratorToken*'
/// </summary>
[MemoryDiagnoser]
public class GeneratorTokenBenchmarks
{
    private const int TokensPerOperation = 100;
    private OnnxTokenStepModel? _model;
    private TokenGenerator? _generator;

    [Params("greedy", "t1.0-k40-p0.9")]
    public string Sampling { get; set; } = "greedy";

    [GlobalSetup]
    public void Setup()
    {
        var path = OrtLstmBenchmarkAssets.Model(OrtLstmStepBenchmarks.SourceDirectory(), 512);
        var signature = new TokenModelSignature("token", "logits", [("h", "h_out"), ("c", "c_out")]);
        _model = OnnxTokenStepModel.Open(path, signature, new InferenceOptions { IntraOpThreads = 1, AllowSpinning = false });
        var options = Sampling == "greedy" ? new SamplingOptions(0f) : new SamplingOptions(1f, 40, 0.9f);
        _generator = new TokenGenerator(_model, startToken: 0, seed: 1, options);
        for (var i = 0; i < 200; i++) _generator.Next();
        // A direct figure beside BenchmarkDotNet's: tokens per second over 1000 tokens, best of 3 rounds.
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++) _generator.Next();
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / 1000);
        }
        Console.WriteLine($"// generator, {Sampling}: best of 3 × 1000 tokens, {best:F1} us/token, {1e6 / best:F0} tokens/s (ONNX Runtime {OnnxRuntimeLibrary.Version})");
    }

    [Benchmark(OperationsPerInvoke = TokensPerOperation)]
    public int Tokens()
    {
        var last = 0;
        for (var i = 0; i < TokensPerOperation; i++) last = _generator!.Next();
        return last;
    }

    [GlobalCleanup]
    public void Cleanup() => _model?.Dispose();
}
