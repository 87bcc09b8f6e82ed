using Euterpe.Training.Data;
using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.PianoRollGan;

/// <summary>
/// The improved-Wasserstein GAN on binary clips of two OpenMSX songs: the gradient penalty is what its definition says
/// for a critic whose gradient is known, both losses move, and --resume continues exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class IwganTrainerTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-iwgan-");
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
        return (new DcganBatches(_data.Train, 3, binary: true), music);
    }

    private static DcganRunConfig Config(string data, long steps) => DcganTrainer.NewRunConfig(data, new DcganRunConfig
    {
        Family = DcganRunConfig.IwganName, Dropout = 0, Threshold = 0.5, Batch = 2, CriticSteps = 2, DiscriminatorLearningRate = 1e-4,
        Steps = steps, Seed = 5, ValidationEvery = 1, CheckpointEvery = 1,
    });

    [Fact]
    public void The_penalty_of_a_critic_whose_gradient_is_everywhere_the_same_is_the_square_of_its_norm_less_one()
    {
        torch.manual_seed(3);
        using var critic = new DcganDiscriminator(0);
        // All weights zero but the logit's bias and the first convolution's bias: the score is constant, its gradient 0,
        // so the penalty is (0 − 1)² = 1 wherever the points lie.
        using (torch.no_grad())
            foreach (var (name, p) in critic.named_parameters())
                if (name != "logit.bias") p.zero_();
        var real = torch.rand(3, 1, 384, 128);
        var fake = torch.rand(3, 1, 384, 128);
        Assert.Equal(1.0, IwganTrainer.Penalty(critic, real, fake, torch.rand(3, 1, 1, 1)).item<float>(), 5);
    }

    [Fact]
    public void Both_losses_move_and_resume_continues_exactly()
    {
        var (batches, music) = Data();
        var straight = _folder.Path("straight");
        var metrics = IwganTrainer.Train(batches, 0, Config(music, 2), straight, resume: false);
        Assert.Equal([1, 2], metrics.History.Select(p => p.Step));
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.DiscriminatorLoss) && double.IsFinite(p.GeneratorLoss)));
        Assert.NotEqual(metrics.History[0].DiscriminatorLoss, metrics.History[^1].DiscriminatorLoss);
        Assert.NotEqual(metrics.History[0].GeneratorLoss, metrics.History[^1].GeneratorLoss);
        // Binary rolls: the real cells above 0.5 are the sounding ones.
        Assert.All(metrics.History, p => Assert.InRange(p.RealOnShare, 0.001, 0.2));

        var split = _folder.Path("split");
        IwganTrainer.Train(batches, 0, Config(music, 1), split, resume: false);
        var resumed = IwganTrainer.Train(batches, 0, Config(music, 2), split, resume: true);
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
        Assert.Equal(DcganMetrics.TryLoad(straight)!.History, resumed.History);
        // A dcgan run cannot be resumed as an iwgan one.
        var e = Assert.Throws<Core.EuterpeException>(() => DcganTrainer.Train(batches, 0, Config(music, 3) with { Family = DcganRunConfig.FamilyName }, split, resume: true));
        Assert.EndsWith(": the run is iwgan, not dcgan", e.Message);
    }
}
