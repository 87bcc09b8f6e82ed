using System.Diagnostics;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Torch.Serialization;

namespace Euterpe.Cli.Tests;

/// <summary>
/// A `train event-rnn` process killed (SIGKILL) mid-run, then resumed with --resume, ends where an uninterrupted run
/// ends: the checkpoint on disk is always whole (written to a temp file, then renamed) and holds the optimizer state.
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
public sealed class KilledTrainingTests : IDisposable
{
    private const int Steps = 400, Every = 10;
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string[] TrainArgs(string cache, string run) =>
        ["train", "event-rnn", "--data", cache, "--out", run, "--config", "tiny", "--steps", $"{Steps}", "--batch", "4", "--seq-len", "32",
         "--validate-every", "100", "--checkpoint-every", $"{Every}", "--seed", "5"];

    [Fact]
    public void A_killed_run_resumes_from_its_last_checkpoint_and_ends_like_an_uninterrupted_one()
    {
        var cache = _cli.PreparedCache("performance", "coconut_run2.mid", "train_filled_with_cash.mid", "ultimate_run.mid");
        var straight = _cli.Path("straight");
        var (code, _, stderr) = DataCli.Invoke(TrainArgs(cache, straight));
        Assert.True(code == 0, stderr);

        var killed = _cli.Path("killed");
        KillAfterFirstCheckpoint(TrainArgs(cache, killed), Path.Combine(killed, EventRnnTrainer.CheckpointFileName));
        var step = long.Parse(Safetensors.ReadMetadata(Path.Combine(killed, EventRnnTrainer.CheckpointFileName))["step"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(step, Every, Steps - Every);
        Assert.Equal(0, step % Every);
        // What the killed run left is whole: the checkpoint read above and, once written (after the checkpoint), metrics.json.
        if (File.Exists(Path.Combine(killed, EventRnnMetrics.FileName)))
        {
            var metrics = EventRnnMetrics.TryLoad(killed);
            Assert.NotNull(metrics);
            Assert.True(metrics.Step <= step, $"metrics.json at step {metrics.Step}, checkpoint at {step}");
        }

        (code, _, stderr) = DataCli.Invoke([.. TrainArgs(cache, killed), "--resume"]);
        Assert.True(code == 0, stderr);
        Assert.Contains($"step {Steps}/{Steps}", stderr);
        Assert.Empty(Directory.GetFiles(killed, ".*.tmp")); // a kill mid-write leaves a temp file; resuming removes it

        var (a, metaA) = Safetensors.Load(Path.Combine(straight, EventRnnTrainer.CheckpointFileName));
        var (b, metaB) = Safetensors.Load(Path.Combine(killed, EventRnnTrainer.CheckpointFileName));
        try
        {
            Assert.Equal($"{Steps}", metaA["step"]);
            Assert.Equal($"{Steps}", metaB["step"]);
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            Assert.Equal(a[TrainingCheckpoint.RandomStateName].data<byte>().ToArray(), b[TrainingCheckpoint.RandomStateName].data<byte>().ToArray());
            foreach (var key in a.Keys.Where(k => k != TrainingCheckpoint.RandomStateName))
            {
                var worst = a[key].data<float>().ToArray().Zip(b[key].data<float>().ToArray(), (p, q) => Math.Abs(p - q)).Max();
                Assert.True(worst <= 1e-6, $"{key}: the resumed run differs from the uninterrupted one by {worst}");
            }
        }
        finally
        {
            foreach (var t in a.Values.Concat(b.Values)) t.Dispose();
        }
    }

    /// <summary>Starts the CLI as its own process and kills it once its first checkpoint is on disk.</summary>
    private static void KillAfterFirstCheckpoint(string[] args, string checkpoint)
    {
        using var process = EuterpeProcess.Start(args);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(checkpoint))
        {
            Assert.False(process.HasExited, $"the training process exited (code {(process.HasExited ? process.ExitCode : 0)}) before its first checkpoint");
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "no checkpoint after 3 minutes");
            Thread.Sleep(5);
        }
        Assert.False(process.HasExited, "the run finished before it could be killed; make it longer");
        process.Kill();
        Assert.NotEqual(0, process.ExitCode);
    }
}
