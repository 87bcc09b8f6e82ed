using Euterpe.Training.Data;
using Euterpe.Training.Families.SeqAe;
using Euterpe.Training.Runs;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using Xunit.Abstractions;

namespace Euterpe.Training.Tests.Families.SeqAe;

/// <summary>
/// The seq-ae's training on the melodies of four OpenMSX songs: both reconstruction losses fall, the held-out measures
/// are recorded at every point, and --resume continues exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class SeqAeTrainerTests(ITestOutputHelper output) : IDisposable
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    private readonly TempFolder _folder = new("euterpe-seq-ae-");
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

    private (SeqAeWindows Train, List<int[]> Validation, string Data) Data()
    {
        var data = _folder.Path("music");
        Directory.CreateDirectory(data);
        foreach (var song in new[] { "be_sharp_bw_redfarn", "boogi_marabi_redfarn", "busy_schedule", "coconut_run2" })
            File.Copy(Path.Combine(OpenMsx, song + ".mid"), Path.Combine(data, song + ".mid"));
        var (train, validation) = SeqAeTrainer.Melodies(DatasetPreparer.Prepare(data, new PrepareOptions { Encoding = DataEncoding.Notes, ValidationFraction = 0.25, Seed = 3 }));
        return (new SeqAeWindows(8, 4, train, 3), validation, data);
    }

    private static SeqAeRunConfig Config(string data, long steps, double continuity = 0.01, double quantisation = 0.01) => SeqAeTrainer.NewRunConfig(data, new SeqAeRunConfig
    {
        Hidden = 32, Embedding = 16, CodeBits = 8, Batch = 16, LearningRate = 3e-3, Continuity = continuity, Quantisation = quantisation, Warmup = 20,
        Steps = steps, Seed = 11, ValidationEvery = 20, CheckpointEvery = 20,
    });

    [Fact]
    public void Both_reconstructions_fall_and_the_held_out_measures_are_recorded_at_every_point()
    {
        var (train, validation, data) = Data();
        Assert.NotEmpty(validation);
        var run = _folder.Path("run");
        var metrics = SeqAeTrainer.Train(train, validation, Config(data, 80), run, resume: false);
        foreach (var p in metrics.History)
            output.WriteLine($"step {p.Step}: loss {p.Loss:0.000} rec {p.Reconstruction:0.000} bin {p.BinaryReconstruction:0.000} con {p.Continuity:0.000} q {p.Quantisation:0.000} held-out {p.HeldOut}");
        Assert.Equal([20, 40, 60, 80], metrics.History.Select(p => p.Step));
        var (first, last) = (metrics.History[0], metrics.History[^1]);
        // Uniform guessing over 496 tokens is ln 496 = 6.21 nats: both decoders learn well below it, and keep falling.
        Assert.True(last.Reconstruction < first.Reconstruction - 0.3, $"L_rec {first.Reconstruction:0.000} → {last.Reconstruction:0.000}");
        Assert.True(last.BinaryReconstruction < first.BinaryReconstruction - 0.3, $"L_rec^bin {first.BinaryReconstruction:0.000} → {last.BinaryReconstruction:0.000}");
        Assert.All(metrics.History, p =>
        {
            var h = Assert.IsType<SeqAeMeasures>(p.HeldOut);
            Assert.InRange(h.Reconstruction, 0.1, 6.3);
            Assert.InRange(h.BinaryReconstruction, 0.1, 6.3);
            Assert.InRange(h.MeanHamming, 0, 8);
            Assert.True(h.Subsequences >= 20, $"{h.Subsequences} held-out subsequences");
        });
        Assert.Equal(last.HeldOut, metrics.HeldOut);
        Assert.Contains("seq-ae", File.ReadAllText(Path.Combine(run, RunFolder.LossCurveFileName)));
        var (model, config, step) = SeqAeExporter.LoadRun(run);
        using (model)
        {
            Assert.Equal(80, step);
            Assert.Equal(8, config.CodeBits);
        }
    }

    [Fact]
    public void Resume_continues_exactly_where_an_uninterrupted_run_goes()
    {
        var (train, validation, data) = Data();
        var straight = _folder.Path("straight");
        SeqAeTrainer.Train(train, validation, Config(data, 40), straight, resume: false);
        var split = _folder.Path("split");
        SeqAeTrainer.Train(train, validation, Config(data, 20), split, resume: false);
        var metrics = SeqAeTrainer.Train(train, validation, Config(data, 40), split, resume: true);
        Assert.Equal(40, metrics.Step);
        Assert.Equal(2, metrics.History.Count);

        var (a, _, _) = SeqAeExporter.LoadRun(straight);
        var (b, _, _) = SeqAeExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor).SequenceEqual(TensorAssert.Values<float>(weights[name])), $"{name} differs after resuming");
        }
        Assert.Equal(SeqAeMetrics.TryLoad(straight)!.History, metrics.History);
    }
}
