using Euterpe.Training.Data;
using Euterpe.Training.Families.RnnGan;
using Euterpe.Training.Runs;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using Xunit.Abstractions;

namespace Euterpe.Training.Tests.Families.RnnGan;

/// <summary>
/// The RNN-GAN's training on the melodies of three OpenMSX songs: the curves and the collapse measures are recorded
/// at every point, the replay buffer fills, and --resume continues exactly (weights, replay buffer and curves).
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class RnnGanTrainerTests(ITestOutputHelper output) : IDisposable
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    private readonly TempFolder _folder = new("euterpe-rnn-gan-");
    private readonly int _threads = SmallModelThreads();

    public void Dispose()
    {
        torch.set_num_threads(_threads);
        _folder.Dispose();
    }

    // Models this small step several times faster on one thread than on threads that share busy cores.
    private static int SmallModelThreads()
    {
        var threads = torch.get_num_threads();
        torch.set_num_threads(1);
        return threads;
    }

    private (RnnGanWindows Train, RnnGanWindows Validation, string Data) Data(int length)
    {
        var data = _folder.Path("music");
        Directory.CreateDirectory(data);
        foreach (var song in new[] { "be_sharp_bw_redfarn", "boogi_marabi_redfarn", "busy_schedule" })
            File.Copy(Path.Combine(OpenMsx, song + ".mid"), Path.Combine(data, song + ".mid"));
        var (train, validation) = RnnGanTrainer.Melodies(DatasetPreparer.Prepare(data, new PrepareOptions { Encoding = DataEncoding.Notes, ValidationFraction = 0.34, Seed = 3 }));
        return (new RnnGanWindows(length, train, 3), new RnnGanWindows(length, validation, 3), data);
    }

    private static RnnGanRunConfig Config(string data, long steps) => RnnGanTrainer.NewRunConfig(data, new RnnGanRunConfig
    {
        Hidden = 16, DiscriminatorHidden = 16, Embedding = 8, Noise = 4, Length = 12, Batch = 8, Replay = 2, LearningRate = 3e-3,
        Steps = steps, Seed = 11, ValidationEvery = 10, CheckpointEvery = 10,
    });

    [Fact]
    public void Training_records_both_losses_and_the_collapse_measures_at_every_point()
    {
        var (train, validation, data) = Data(12);
        var run = _folder.Path("run");
        var metrics = RnnGanTrainer.Train(train, validation, Config(data, 30), run, resume: false);
        foreach (var p in metrics.History)
            output.WriteLine($"step {p.Step}: D {p.DiscriminatorLoss:0.000} G {p.GeneratorLoss:0.000} D(real) {p.RealProbability:0.00} D(fake) {p.FakeProbability:0.00} tokens {p.DistinctTokens:0.0} pitches {p.DistinctPitches:0.0} top {p.TopTokenShare:0.000}");
        Assert.Equal([10, 20, 30], metrics.History.Select(p => p.Step));
        Assert.All(metrics.History, p =>
        {
            Assert.True(double.IsFinite(p.DiscriminatorLoss) && double.IsFinite(p.GeneratorLoss));
            Assert.InRange(p.DistinctTokens, 1, 12);
            Assert.InRange(p.DistinctPitches, 0, 12);
            Assert.InRange(p.TopTokenShare, 1.0 / (RnnGanCollapse.Samples * 12), 1);
        });
        // The data's own figures, for comparison: real melodies repeat tokens, so fewer than 12 distinct per window.
        Assert.InRange(metrics.DataCollapse!.DistinctTokens, 1.5, 11.99);
        Assert.Equal(metrics.History[^1].DistinctTokens, metrics.Collapse!.DistinctTokens);
        Assert.Contains("discriminator", File.ReadAllText(Path.Combine(run, RunFolder.LossCurveFileName)));
        var (model, _, step) = RnnGanExporter.LoadRun(run);
        using (model)
        {
            Assert.Equal(30, step);
            Assert.Equal(16, model.replay.Count); // two batches of 8 remembered
        }
    }

    [Fact]
    public void Resume_continues_exactly_where_an_uninterrupted_run_goes()
    {
        var (train, validation, data) = Data(12);
        var straight = _folder.Path("straight");
        RnnGanTrainer.Train(train, validation, Config(data, 20), straight, resume: false);
        var split = _folder.Path("split");
        RnnGanTrainer.Train(train, validation, Config(data, 10), split, resume: false);
        var metrics = RnnGanTrainer.Train(train, validation, Config(data, 20), split, resume: true);
        Assert.Equal(20, metrics.Step);
        Assert.Equal(2, metrics.History.Count);

        var (a, _, _) = RnnGanExporter.LoadRun(straight);
        var (b, _, _) = RnnGanExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor.to_type(torch.ScalarType.Float32)).SequenceEqual(TensorAssert.Values<float>(weights[name].to_type(torch.ScalarType.Float32))),
                    $"{name} differs after resuming");
        }
        Assert.Equal(RnnGanMetrics.TryLoad(straight)!.History, metrics.History);
    }
}
