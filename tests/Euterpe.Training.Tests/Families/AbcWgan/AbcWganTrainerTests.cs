using Euterpe.Core.Encoding;
using Euterpe.Training.Families.AbcWgan;
using Euterpe.Training.Runs;
using Euterpe.Training.Tests.Torch;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.AbcWgan;

/// <summary>
/// The ABC WGAN's training on the ABC bodies of three OpenMSX songs: the generator's characters move towards the
/// corpus's (its mean character distribution nearer the corpus's), the critic's Wasserstein estimate is positive (it
/// tells real text from generated), the curriculum is followed, BLEU is measured at the end, and --resume continues
/// exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class AbcWganTrainerTests(ITestOutputHelper output) : IDisposable
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    private readonly TempFolder _folder = new("euterpe-abc-wgan-");
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

    private (AbcWindows Train, AbcWindows Validation, string Data) Data(int maxLength)
    {
        var data = _folder.Path("music");
        Directory.CreateDirectory(data);
        foreach (var song in new[] { "be_sharp_bw_redfarn", "boogi_marabi_redfarn", "busy_schedule" })
            File.Copy(Path.Combine(OpenMsx, song + ".mid"), Path.Combine(data, song + ".mid"));
        var (train, validation, _) = AbcWindows.Load(data, maxLength, 0.34, 3);
        return (train, validation, data);
    }

    private static AbcWganRunConfig Config(string data, long steps) => AbcWganTrainer.NewRunConfig(data, new AbcWganRunConfig
    {
        Hidden = 16, CriticHidden = 16, Embedding = 8, MaxLength = 16, Curriculum = 4, CriticSteps = 2, Batch = 8, LearningRate = 3e-3,
        Steps = steps, Seed = 11, ValidationEvery = 10, CheckpointEvery = 10,
    });

    [Fact]
    public void Training_moves_the_generators_characters_towards_the_corpus_and_the_critic_tells_them_apart()
    {
        var (train, validation, data) = Data(16);
        Assert.True(train.Pieces >= 1 && validation.Pieces >= 1, $"split {train.Pieces}/{validation.Pieces}");
        var config = Config(data, 80);
        var corpus = Histogram(train.Spread(256, 16));
        torch.manual_seed((long)config.Seed);
        double before;
        using (var fresh = new AbcWganModel(config)) before = Distance(Mean(fresh, 16), corpus);

        var run = _folder.Path("run");
        var metrics = AbcWganTrainer.Train(train, validation, config, run, resume: false);
        var (model, _, step) = AbcWganExporter.LoadRun(run);
        using (model)
        {
            var after = Distance(Mean(model, 16), corpus);
            output.WriteLine($"total variation from the corpus's characters: {before:0.000} → {after:0.000}; W {metrics.Wasserstein:0.000}, validation W {metrics.ValidationWasserstein:0.000}");
            Assert.Equal(80, step);
            Assert.True(after < 0.7 * before, $"total variation {before:0.000} → {after:0.000}");
        }
        Assert.True(metrics.History.TakeLast(4).Average(p => p.Wasserstein) > 0, string.Join(", ", metrics.History.Select(p => $"{p.Wasserstein:0.000}")));
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80], metrics.History.Select(p => p.Step));
        Assert.Equal([3, 5, 8, 10, 13, 15, 16, 16], metrics.History.Select(p => p.Length)); // one more character every 4 steps, up to 16
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.CriticLoss) && double.IsFinite(p.GeneratorLoss)));
        Assert.Contains("critic", File.ReadAllText(Path.Combine(run, RunFolder.LossCurveFileName)));
        // The source's figure: 50 samples of the full length, BLEU against the training windows.
        Assert.Equal(50, metrics.Samples.Count);
        Assert.All(metrics.Samples, text => Assert.Equal(16, text.Replace("<tune>", "#").Length)); // a tune edge is written out
        Assert.InRange(metrics.Bleu!.Value, 0.05, 1);
    }

    [Fact]
    public void Resume_continues_exactly_where_an_uninterrupted_run_goes()
    {
        var (train, validation, data) = Data(16);
        var straight = _folder.Path("straight");
        AbcWganTrainer.Train(train, validation, Config(data, 20), straight, resume: false);
        var split = _folder.Path("split");
        AbcWganTrainer.Train(train, validation, Config(data, 10), split, resume: false);
        var metrics = AbcWganTrainer.Train(train, validation, Config(data, 20), split, resume: true);
        Assert.Equal(20, metrics.Step);
        Assert.Equal(2, metrics.History.Count);

        var (a, _, _) = AbcWganExporter.LoadRun(straight);
        var (b, _, _) = AbcWganExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor).SequenceEqual(TensorAssert.Values<float>(weights[name])), $"{name} differs after resuming");
        }
        Assert.Equal(AbcWganMetrics.TryLoad(straight)!.History, metrics.History);

        // Resumed at its total, a run trains nothing and keeps the speed it measured (it once wrote 0).
        var again = AbcWganTrainer.Train(train, validation, Config(data, 20), split, resume: true);
        Assert.Equal(20, again.Step);
        Assert.True(again.StepsPerSecond > 0, $"steps per second {again.StepsPerSecond}");
        Assert.Equal(metrics.StepsPerSecond, AbcWganMetrics.TryLoad(split)!.StepsPerSecond);
    }

    // The generator's mean character distribution over 64 noise draws and the first `length` steps.
    private static double[] Mean(AbcWganModel model, int length)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(99);
        var distributions = model.generator.Free(torch.randn(64, model.generator.Hidden), length);
        return [.. distributions.mean([0, 1]).to_type(ScalarType.Float64).data<double>()];
    }

    private static double[] Histogram(IEnumerable<int[]> windows)
    {
        var counts = new double[AbcCharacterEncoding.VocabularySize];
        foreach (var w in windows)
            foreach (var t in w) counts[t]++;
        var total = counts.Sum();
        return [.. counts.Select(c => c / total)];
    }

    private static double Distance(double[] p, double[] q) => 0.5 * p.Zip(q).Sum(x => Math.Abs(x.First - x.Second));
}
