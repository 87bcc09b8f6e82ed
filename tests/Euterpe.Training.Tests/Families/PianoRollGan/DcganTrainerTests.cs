using Euterpe.Training.Data;
using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Runs;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using Xunit.Abstractions;

namespace Euterpe.Training.Tests.Families.PianoRollGan;

/// <summary>
/// The piano-roll DCGAN's training on the clips of two OpenMSX songs: both losses are recorded and move, the loss
/// curve draws D and G, and --resume continues exactly (weights with batch-norm statistics, both optimisers, curves).
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class DcganTrainerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-dcgan-");
    private PianoRollDataset? _data;

    public void Dispose()
    {
        _data?.Dispose();
        _folder.Dispose();
    }

    private (DcganBatches Batches, string Music) Data()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        foreach (var song in new[] { "coconut_run2.mid", "say_what_redfarn.mid" })
            File.Copy(Path.Combine(Corpora.OpenMsx, song), Path.Combine(music, song));
        _data = PianoRollDataset.Open(music, 0, 3);
        return (new DcganBatches(_data.Train, 3), music);
    }

    // A discriminator rate above the source's 1e-6, so a few steps move it visibly.
    private static DcganRunConfig Config(string data, long steps) => DcganTrainer.NewRunConfig(data, new DcganRunConfig
    {
        Batch = 3, DiscriminatorLearningRate = 1e-4, Steps = steps, Seed = 5, ValidationEvery = 2, CheckpointEvery = 2,
    });

    [Fact]
    public void Both_losses_are_recorded_at_every_point_and_move()
    {
        var (batches, music) = Data();
        var run = _folder.Path("run");
        var metrics = DcganTrainer.Train(batches, 0, Config(music, 6), run, resume: false);
        foreach (var p in metrics.History)
            output.WriteLine($"step {p.Step}: D {p.DiscriminatorLoss:0.0000} G {p.GeneratorLoss:0.0000} D(real) {p.RealProbability:0.000} D(fake) {p.FakeProbability:0.000} on real {p.RealOnShare:0.0000} generated {p.FakeOnShare:0.0000}");
        Assert.Equal([2, 4, 6], metrics.History.Select(p => p.Step));
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.DiscriminatorLoss) && double.IsFinite(p.GeneratorLoss)));
        Assert.NotEqual(metrics.History[0].DiscriminatorLoss, metrics.History[^1].DiscriminatorLoss);
        Assert.NotEqual(metrics.History[0].GeneratorLoss, metrics.History[^1].GeneratorLoss);
        // Real clips are mostly silence: a few per cent of cells sound.
        Assert.All(metrics.History, p => Assert.InRange(p.RealOnShare, 0.001, 0.2));
        var svg = File.ReadAllText(Path.Combine(run, RunFolder.LossCurveFileName));
        Assert.Contains("discriminator", svg);
        Assert.Contains("generator", svg);
        Assert.Equal(6, DcganMetrics.TryLoad(run)!.Step);
    }

    [Fact]
    public void Resume_continues_exactly_where_an_uninterrupted_run_goes()
    {
        var (batches, music) = Data();
        var straight = _folder.Path("straight");
        DcganTrainer.Train(batches, 0, Config(music, 4), straight, resume: false);
        var split = _folder.Path("split");
        DcganTrainer.Train(batches, 0, Config(music, 2), split, resume: false);
        var metrics = DcganTrainer.Train(batches, 0, Config(music, 4), split, resume: true);
        Assert.Equal(4, metrics.Step);

        var (a, _, _) = DcganExporter.LoadRun(straight);
        var (b, _, _) = DcganExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor.to_type(torch.ScalarType.Float32)).SequenceEqual(TensorAssert.Values<float>(weights[name].to_type(torch.ScalarType.Float32))),
                    $"{name} differs after resuming");
        }
        Assert.Equal(DcganMetrics.TryLoad(straight)!.History, metrics.History);
    }
}
