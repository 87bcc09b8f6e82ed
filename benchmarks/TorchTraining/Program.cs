// Run: dotnet run -c Release --project benchmarks/TorchTraining -- [steps=20] [threads=nproc] [rounds=3]
// Compiled only by TorchTraining.csproj (the surrounding benchmarks project globs this folder but lacks the symbol).
#if EUTERPE_TORCH_BENCH
using System.Diagnostics;
using System.Globalization;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Optim;

// Performance-RNN training step (one-hot 388 → 3-layer LSTM 512 → Linear 388, Adam, cross-entropy) at batch 8 × 64 steps,
// through our C# API and through PyTorch (/usr/bin/python3) on the same libtorch, alternating rounds, same thread count.
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const int Vocab = 388, Hidden = 512, Layers = 3, Batch = 8, Length = 64;

torch.set_num_threads(threads);
torch.manual_seed(0);
using var lstm = new LSTM(Vocab, Hidden, Layers, batchFirst: true);
using var head = new Linear(Hidden, Vocab);
using var adam = new Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);
using var tokens = torch.randint(0, Vocab, [Batch, Length + 1]).DetachFromDisposeScope();
using var inputs = tokens.narrow(1, 0, Length);
using var targets = tokens.narrow(1, 1, Length).reshape(-1);

void Step()
{
    using var scope = torch.NewDisposeScope();
    adam.zero_grad();
    var x = torch.nn.functional.one_hot(inputs, Vocab).to(ScalarType.Float32);
    var (h, _, _) = lstm.call(x);
    var logits = head.call(h).reshape(-1, Vocab);
    torch.nn.functional.cross_entropy(logits, targets).backward();
    adam.step();
}

double CSharpRound()
{
    Step(); // warm-up: first-call allocations and kernel selection
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < steps; i++) Step();
    return steps / sw.Elapsed.TotalSeconds;
}

var script = Path.Combine(Path.GetTempPath(), $"euterpe-torch-bench-{Environment.ProcessId}.py");
File.WriteAllText(script, $$"""
    import sys, time, torch
    torch.set_num_threads({{threads}})
    torch.manual_seed(0)
    V, H, L, B, T, N = {{Vocab}}, {{Hidden}}, {{Layers}}, {{Batch}}, {{Length}}, {{steps}}
    lstm = torch.nn.LSTM(V, H, L, batch_first=True)
    head = torch.nn.Linear(H, V)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
    tokens = torch.randint(0, V, (B, T + 1))
    inputs, targets = tokens[:, :T], tokens[:, 1:].reshape(-1)
    def step():
        opt.zero_grad()
        x = torch.nn.functional.one_hot(inputs, V).float()
        h, _ = lstm(x)
        torch.nn.functional.cross_entropy(head(h).reshape(-1, V), targets).backward()
        opt.step()
    step()
    t = time.perf_counter()
    for _ in range(N):
        step()
    print(N / (time.perf_counter() - t))
    """);

double PythonRound()
{
    var psi = new ProcessStartInfo("/usr/bin/python3", script) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var p = Process.Start(psi)!;
    var err = p.StandardError.ReadToEndAsync();
    var output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException("PyTorch run failed: " + err.Result);
    return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
}

Console.WriteLine($"Performance-RNN training step: one-hot {Vocab} -> LSTM {Layers}x{Hidden} -> Linear {Vocab}, batch {Batch} x {Length}, Adam, " +
                  $"{steps} timed steps per round, {threads} threads, libtorch via Euterpe shim vs PyTorch {PyVersion()}");
double bestOurs = 0, bestPy = 0;
for (var r = 0; r < rounds; r++)
{
    var ours = CSharpRound();
    var py = PythonRound();
    bestOurs = Math.Max(bestOurs, ours);
    bestPy = Math.Max(bestPy, py);
    Console.Out.Flush();
    Console.WriteLine($"round {r + 1}: Euterpe {ours:F3} steps/s, PyTorch {py:F3} steps/s, ratio {ours / py:F3}");
}
Console.WriteLine($"best: Euterpe {bestOurs:F3} steps/s, PyTorch {bestPy:F3} steps/s, ratio {bestOurs / bestPy:F3} (target >= 0.95)");
File.Delete(script);

static string PyVersion()
{
    var psi = new ProcessStartInfo("/usr/bin/python3", "-c \"import torch; print(torch.__version__)\"") { RedirectStandardOutput = true };
    using var p = Process.Start(psi)!;
    var v = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    return v;
}
#endif
