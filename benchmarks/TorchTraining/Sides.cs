using System.Diagnostics;
using System.Globalization;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Benchmarks.TorchTraining;

/// <summary>The three sides of the training-step comparison; each returns the median seconds per timed step.</summary>
public static class Sides
{
    public const int WarmUp = 3;
    private const int Vocabulary = 388, Embedding = 256, Hidden = 512, Layers = 3, Batch = 8, Length = 64;
    private const double LearningRate = 1e-3, ClipNorm = 3;
    private const string Corpus = "/usr/share/games/openttd/baseset/openmsx";

    public static double Run(string side, int steps, int threads) => side switch
    {
        "euterpe" => Euterpe(steps, threads),
        "raw" => Raw(steps, threads),
        _ => throw new ArgumentException($"unknown side {side}"),
    };

    /// <summary>Our trainer, as `train event-rnn --config performance --batch 8 --seq-len 64` runs it, minus validation.</summary>
    private static double Euterpe(int steps, int threads)
    {
        TorchRuntime.SetThreads(threads);
        var cache = Path.Combine(Path.GetTempPath(), "euterpe-torch-bench-openmsx");
        if (!PreparedCache.IsCache(cache)) CacheWriter.Prepare(Corpus, new PrepareOptions { Encoding = DataEncoding.Performance, Seed = 1 }, cache);
        var prepared = PreparedCache.Open(cache);
        var dataset = new PreparedDataset(prepared.Manifest, prepared.Train, []);
        var total = WarmUp + steps + 1; // the last step also checkpoints: not timed
        var config = EventRnnTrainer.NewRunConfig(dataset, "performance", conditional: false, total, Batch, Length, LearningRate, 0, "cpu",
            validationEvery: total, checkpointEvery: total);
        var run = Directory.CreateTempSubdirectory("euterpe-torch-bench-run-").FullName;
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        var last = 0.0;
        try
        {
            EventRnnTrainer.Train(dataset, config, run, resume: false, p =>
            {
                var now = clock.Elapsed.TotalSeconds;
                if (p.Step > WarmUp && p.Step <= WarmUp + steps) times.Add(now - last);
                last = now;
            });
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
        return Median(times);
    }

    /// <summary>The same model and step written directly against TorchSharp, on random tokens.</summary>
    private static double Raw(int steps, int threads)
    {
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        using var embedding = nn.Embedding(Vocabulary, Embedding);
        using var lstm = nn.LSTM(Embedding, Hidden, Layers, batchFirst: true);
        using var head = nn.Linear(Hidden, Vocabulary);
        var parameters = embedding.parameters().Concat(lstm.parameters()).Concat(head.parameters()).ToList();
        using var adam = optim.Adam(parameters, LearningRate);
        var times = new List<double>();
        for (var i = 0; i < WarmUp + steps; i++)
        {
            var clock = Stopwatch.StartNew();
            using (torch.NewDisposeScope())
            {
                var tokens = torch.randint(0, Vocabulary, [Batch, Length + 1]);
                var (h, _, _) = lstm.forward(embedding.forward(tokens.narrow(1, 0, Length)));
                var loss = nn.functional.cross_entropy(head.forward(h).reshape(-1, Vocabulary), tokens.narrow(1, 1, Length).reshape(-1));
                adam.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(parameters, ClipNorm);
                adam.step();
                loss.item<float>();
            }
            if (i >= WarmUp) times.Add(clock.Elapsed.TotalSeconds);
        }
        return Median(times);
    }

    /// <summary>The same model and step in PyTorch 1.13 (Debian python3-torch).</summary>
    public static double RunPyTorch(int steps, int threads)
    {
        var script = Path.Combine(Path.GetTempPath(), $"euterpe-torch-bench-{Environment.ProcessId}.py");
        File.WriteAllText(script, $$"""
            import statistics, time, torch
            torch.set_num_threads({{threads}})
            torch.manual_seed(0)
            V, E, H, L, B, T = {{Vocabulary}}, {{Embedding}}, {{Hidden}}, {{Layers}}, {{Batch}}, {{Length}}
            emb, lstm, head = torch.nn.Embedding(V, E), torch.nn.LSTM(E, H, L, batch_first=True), torch.nn.Linear(H, V)
            params = list(emb.parameters()) + list(lstm.parameters()) + list(head.parameters())
            opt = torch.optim.Adam(params, lr={{LearningRate.ToString(CultureInfo.InvariantCulture)}})
            times = []
            for i in range({{WarmUp + steps}}):
                t = time.perf_counter()
                tokens = torch.randint(0, V, (B, T + 1))
                h, _ = lstm(emb(tokens[:, :T]))
                loss = torch.nn.functional.cross_entropy(head(h).reshape(-1, V), tokens[:, 1:].reshape(-1))
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, {{ClipNorm.ToString(CultureInfo.InvariantCulture)}})
                opt.step()
                loss.item()
                if i >= {{WarmUp}}:
                    times.append(time.perf_counter() - t)
            print(statistics.median(times))
            """);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", script) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"PyTorch side failed ({process.ExitCode})");
            return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
