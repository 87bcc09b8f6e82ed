// Run: dotnet run -c Release --project benchmarks/TorchTraining -- [rounds=5] [steps=20] [threads=nproc]
using System.Diagnostics;
using System.Globalization;
using Euterpe.Benchmarks.TorchTraining;

// The Performance-RNN training step (Embedding 388→256 → LSTM 3×512 → Linear 388, batch 8 × 64, Adam lr 1e-3,
// gradient norm clipped at 3, cross-entropy) three ways, each timed in a process of its own:
//   euterpe  - our trainer: EventRnnTrainer.Train on the OpenMSX corpus (sampler, conditioning off, TrainingLoop);
//   raw      - the same model written directly against TorchSharp, on random tokens;
//   pytorch  - the same model in PyTorch 1.13 (/usr/bin/python3, Debian's python3-torch and its own libtorch).
// libgomp's threads spin for a while after a step, so the sides never run side by side: each round runs the three
// one after another, rounds interleave, and the report takes each side's median over rounds.
if (args.Length > 0 && args[0] == "--side")
{
    Console.WriteLine(Sides.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture))
        .ToString("R", CultureInfo.InvariantCulture));
    return;
}
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
Console.WriteLine($"Performance-RNN step (Embedding 256, LSTM 3x512, batch 8 x 64, Adam, clip 3), {threads} threads, " +
                  $"{rounds} rounds x {steps} timed steps after {Sides.WarmUp} warm-up, each side in its own process");
var sides = new[] { "euterpe", "raw", "pytorch" };
var results = sides.ToDictionary(s => s, _ => new List<double>());
for (var round = 1; round <= rounds; round++)
{
    foreach (var side in sides)
    {
        var secondsPerStep = side == "pytorch" ? Sides.RunPyTorch(steps, threads) : RunSelf(side, steps, threads);
        results[side].Add(1 / secondsPerStep);
    }
    Console.WriteLine($"round {round}: " + string.Join(", ", sides.Select(s => $"{s} {results[s][^1]:F2} steps/s")));
}
double Median(List<double> v) { var s = v.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
var (ours, raw, pytorch) = (Median(results["euterpe"]), Median(results["raw"]), Median(results["pytorch"]));
Console.WriteLine($"median steps/s: euterpe {ours:F2}, raw TorchSharp {raw:F2}, PyTorch 1.13 {pytorch:F2}");
Console.WriteLine($"euterpe / raw TorchSharp = {ours / raw:F3} (target >= 0.9); euterpe / PyTorch 1.13 = {ours / pytorch:F3}");

static double RunSelf(string side, int steps, int threads)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    foreach (var a in new[] { typeof(Sides).Assembly.Location, "--side", side, steps.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{side} side failed ({process.ExitCode})");
    return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
}
