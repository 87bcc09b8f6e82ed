using Euterpe.Core.Families.NGram;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Training.Data;
using Euterpe.Training.Families.SeqGan;
using Euterpe.Training.Runs;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using Xunit.Abstractions;

namespace Euterpe.Training.Tests.Families.SeqGan;

/// <summary>
/// SeqGAN's training on the melodies of three OpenMSX songs: pre-training lowers the generator's likelihood loss, the
/// three phases follow each other with their figures (rewards, discriminator probabilities, BLEU, held-out NLL), the
/// "ngram" scheme counts its duration model from the same training melodies, and --resume continues exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class SeqGanTrainerTests(ITestOutputHelper output) : IDisposable
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    private readonly TempFolder _folder = new("euterpe-seqgan-");
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

    private PreparedDataset Data()
    {
        var data = _folder.CopyFrom(OpenMsx, "music", "be_sharp_bw_redfarn.mid", "boogi_marabi_redfarn.mid", "busy_schedule.mid");
        return DatasetPreparer.Prepare(data, new PrepareOptions { Encoding = DataEncoding.Notes, ValidationFraction = 0.34, Seed = 3 });
    }

    private static SeqGanRunConfig Config(PreparedDataset data, long steps, long pretrain, long discriminatorPretrain, string durations = SeqGanTokens.Vocabulary) =>
        SeqGanTrainer.NewRunConfig(data.Manifest.Data, new SeqGanRunConfig
        {
            Durations = durations, Hidden = 24, Embedding = 8, DiscriminatorEmbedding = 8, Filters = 4, Length = 12, Batch = 8, Rollouts = 2,
            LearningRate = 1e-2, DiscriminatorLearningRate = 1e-3, Steps = steps, Seed = 11, ValidationEvery = 10, CheckpointEvery = 10,
        }.WithPhases(pretrain, discriminatorPretrain));

    private void Print(SeqGanMetrics metrics)
    {
        foreach (var p in metrics.History)
            output.WriteLine($"step {p.Step} {p.Phase}: G NLL {p.GeneratorNll:0.000} D {p.DiscriminatorLoss:0.000} D(real) {p.RealProbability:0.00} D(fake) {p.FakeProbability:0.00} PG {p.PolicyLoss:0.000} reward {p.Reward:0.000} held-out {p.ValidationNll:0.000} BLEU {p.Bleu:0.000}");
    }

    [Fact]
    public void Pretraining_lowers_the_generators_loss_on_real_melodies()
    {
        var data = Data();
        var metrics = SeqGanTrainer.Train(data, Config(data, 60, 60, 0), _folder.Path("run"), resume: false);
        Print(metrics);
        Assert.All(metrics.History, p => Assert.Equal(SeqGanTrainer.PretrainGenerator, p.Phase));
        var (first, last) = (metrics.History[0], metrics.History[^1]);
        // The first ten steps start near ln 496 ≈ 6.2 nats; sixty steps of real windows take it well below.
        Assert.True(last.GeneratorNll < first.GeneratorNll - 1, $"NLL {first.GeneratorNll:0.000} → {last.GeneratorNll:0.000}");
        Assert.True(last.ValidationNll < Math.Log(496), $"held-out NLL {last.ValidationNll}");
        Assert.NotNull(metrics.PretrainBleu);
        Assert.Equal(metrics.PretrainBleu, metrics.Bleu);
    }

    [Fact]
    public void The_three_phases_follow_each_other_with_their_figures()
    {
        var data = Data();
        var run = _folder.Path("run");
        var metrics = SeqGanTrainer.Train(data, Config(data, 30, 10, 10), run, resume: false);
        Print(metrics);
        Assert.Equal([SeqGanTrainer.PretrainGenerator, SeqGanTrainer.PretrainDiscriminator, SeqGanTrainer.Adversarial], metrics.History.Select(p => p.Phase));
        Assert.Null(metrics.History[0].DiscriminatorLoss);
        Assert.All(metrics.History.Skip(1), p => Assert.InRange(p.RealProbability!.Value, 0, 1));
        Assert.Null(metrics.History[1].Reward);
        Assert.InRange(metrics.History[2].Reward!.Value, 1e-6, 1);
        Assert.All(metrics.History, p => Assert.InRange(p.Bleu!.Value, 0, 1));
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.ValidationNll!.Value)));
        Assert.Equal(metrics.History[0].Bleu, metrics.PretrainBleu);
        Assert.Equal(metrics.History[^1].ValidationNll, metrics.ValidationNatsPerNote); // the vocabulary scheme's tokens are notes
        Assert.Contains("discriminator", File.ReadAllText(Path.Combine(run, RunFolder.LossCurveFileName)));
        // The roll-out copy has moved towards the generator but is not it.
        var (model, _, step) = SeqGanExporter.LoadRun(run);
        using (model)
        {
            Assert.Equal(30, step);
            var rollout = model.rollout.state_dict();
            var differs = model.generator.state_dict().Any(kv => !TensorAssert.Values<float>(kv.Value).SequenceEqual(TensorAssert.Values<float>(rollout[kv.Key])));
            Assert.True(differs, "the roll-out copy is the generator");
        }
    }

    [Fact]
    public void The_ngram_scheme_writes_pitches_and_counts_durations_from_the_training_melodies()
    {
        var data = Data();
        var run = _folder.Path("run");
        var metrics = SeqGanTrainer.Train(data, Config(data, 20, 10, 5, SeqGanTokens.NGram), run, resume: false);
        Assert.Equal(62, metrics.Config.Vocabulary);
        var durations = NGramNoteModel.Load(Path.Combine(run, SeqGanFamily.DurationsFileName));
        Assert.Equal(8, durations.Durations.VocabularySize);
        var provenance = NGramProvenance.ReadFrom(Path.Combine(run, SeqGanFamily.DurationsFileName));
        Assert.Equal(data.Manifest.Files.Where(f => f.Split == "train").Select(f => f.Path), provenance.TrainFiles);
        Assert.InRange(metrics.DurationCrossEntropy!.Value, 0.01, 10);
        Assert.Equal(metrics.ValidationNll + metrics.DurationCrossEntropy, metrics.ValidationNatsPerNote);
    }

    [Fact]
    public void Resume_continues_exactly_where_an_uninterrupted_run_goes()
    {
        var data = Data();
        var straight = _folder.Path("straight");
        SeqGanTrainer.Train(data, Config(data, 30, 10, 10), straight, resume: false);
        var split = _folder.Path("split");
        SeqGanTrainer.Train(data, Config(data, 20, 10, 10) with { Steps = 20 }, split, resume: false);
        var metrics = SeqGanTrainer.Train(data, Config(data, 30, 10, 10), split, resume: true);
        Assert.Equal(30, metrics.Step);
        Assert.Equal(3, metrics.History.Count);

        var (a, _, _) = SeqGanExporter.LoadRun(straight);
        var (b, _, _) = SeqGanExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor.to_type(torch.ScalarType.Float32)).SequenceEqual(TensorAssert.Values<float>(weights[name].to_type(torch.ScalarType.Float32))),
                    $"{name} differs after resuming");
        }
        Assert.Equal(SeqGanMetrics.TryLoad(straight)!.History, metrics.History);
        Assert.Equal(SeqGanMetrics.TryLoad(straight)!.PretrainBleu, metrics.PretrainBleu);
    }
}
