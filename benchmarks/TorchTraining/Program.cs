// Run: dotnet run -c Release --project benchmarks/TorchTraining -- [steps=20] [threads=nproc]
using System.Diagnostics;
using System.Globalization;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Modules;
using Euterpe.Training.Torch.Optim;

// Performance-RNN training step (one-hot 388 → 3-layer LSTM 512 → Linear 388, Adam, cross-entropy) at batch 8 × 64 steps,
// through our C# API and through PyTorch (/usr/bin/python3) on the same libtorch with the same thread count.
// The two sides alternate step by step (PyTorch runs as a child process driven over a pipe), so a busy shared machine
// slows both alike; each side times its own step.
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
const int Vocab = 388, Hidden = 512, Layers = 3, Batch = 8, Length = 64;

torch.set_num_threads(threads);
torch.manual_seed(0);
using var lstm = new LSTM(Vocab, Hidden, Layers, batchFirst: true);
using var head = new Linear(Hidden, Vocab);
using var adam = new Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);
using var tokens = torch.randint(0, Vocab, [Batch, Length + 1]);
using var inputs = tokens.narrow(1, 0, Length);
using var targets = tokens.narrow(1, 1, Length).reshape(-1);

var self = Process.GetCurrentProcess();
(double wall, double cpu) Step()
{
    self.Refresh();
    var cpu0 = self.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    using var scope = torch.NewDisposeScope();
    adam.zero_grad();
    var x = torch.nn.functional.one_hot(inputs, Vocab).to(ScalarType.Float32);
    var (h, _, _) = lstm.call(x);
    var logits = head.call(h).reshape(-1, Vocab);
    torch.nn.functional.cross_entropy(logits, targets).backward();
    adam.step();
    var wall = sw.Elapsed.TotalSeconds;
    self.Refresh();
    return (wall, (self.TotalProcessorTime - cpu0).TotalSeconds);
}

var script = Path.Combine(Path.GetTempPath(), $"euterpe-torch-bench-{Environment.ProcessId}.py");
File.WriteAllText(script, $$"""
    import sys, time, torch
    torch.set_num_threads({{threads}})
    torch.manual_seed(0)
    V, H, L, B, T = {{Vocab}}, {{Hidden}}, {{Layers}}, {{Batch}}, {{Length}}
    lstm = torch.nn.LSTM(V, H, L, batch_first=True)
    head = torch.nn.Linear(H, V)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
    tokens = torch.randint(0, V, (B, T + 1))
    inputs, targets = tokens[:, :T], tokens[:, 1:].reshape(-1)
    print(torch.__version__, flush=True)
    for line in sys.stdin:
        t, c = time.perf_counter(), time.process_time()
        opt.zero_grad()
        x = torch.nn.functional.one_hot(inputs, V).float()
        h, _ = lstm(x)
        torch.nn.functional.cross_entropy(head(h).reshape(-1, V), targets).backward()
        opt.step()
        print(time.perf_counter() - t, time.process_time() - c, flush=True)
    """);
var psi = new ProcessStartInfo("/usr/bin/python3", script) { RedirectStandardInput = true, RedirectStandardOutput = true };
using var python = Process.Start(psi)!;
var version = python.StandardOutput.ReadLine() ?? throw new InvalidOperationException("PyTorch did not start");
(double wall, double cpu) PythonStep()
{
    python.StandardInput.WriteLine("step");
    python.StandardInput.Flush();
    var parts = (python.StandardOutput.ReadLine() ?? throw new InvalidOperationException("PyTorch died")).Split(' ');
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
}

Console.WriteLine($"Performance-RNN training step: one-hot {Vocab} -> LSTM {Layers}x{Hidden} -> Linear {Vocab}, batch {Batch} x {Length}, Adam; " +
                  $"{steps} alternating steps after 1 warm-up each, {threads} threads; Euterpe shim vs PyTorch {version}, same libtorch");
// The shim fixes glibc's malloc thresholds when it loads (EtTensor_keep_freed_blocks); PyTorch keeps glibc's defaults.
// Setting malloc tunables yourself gives both processes the same allocator, and the shim then leaves them alone.
var tunables = Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "";
Console.WriteLine(tunables.Contains("glibc.malloc.", StringComparison.Ordinal)
    ? $"allocator: both sides use GLIBC_TUNABLES={tunables}"
    : "allocator: Euterpe keeps freed blocks (mmap threshold 32 MiB, trim 256 MiB); PyTorch uses glibc's defaults. " +
      "Same allocator for both: GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456");
Step();
PythonStep();
var ours = new List<(double wall, double cpu)>();
var theirs = new List<(double wall, double cpu)>();
for (var i = 0; i < steps; i++)
{
    ours.Add(Step());
    theirs.Add(PythonStep());
    Console.WriteLine($"step {i + 1}: Euterpe {ours[^1].wall:F3} s wall / {ours[^1].cpu:F3} s CPU, PyTorch {theirs[^1].wall:F3} s wall / {theirs[^1].cpu:F3} s CPU");
}
python.StandardInput.Close();
python.WaitForExit();
File.Delete(script);
double Median(List<double> v) { var s = v.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
foreach (var (label, pick) in new (string, Func<(double wall, double cpu), double>)[] { ("wall", v => v.wall), ("CPU", v => v.cpu) })
{
    var (o, t) = (ours.Select(pick).ToList(), theirs.Select(pick).ToList());
    Console.WriteLine($"{label}: Euterpe {steps / o.Sum():F3} steps/s, PyTorch {steps / t.Sum():F3} steps/s, ratio {t.Sum() / o.Sum():F3}; " +
                      $"median step {Median(o):F3} s vs {Median(t):F3} s, ratio {Median(t) / Median(o):F3} (target >= 0.95)");
}
