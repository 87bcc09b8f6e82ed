using Euterpe.Training.Data;
using Euterpe.Training.Families.MultiTrackGan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.MultiTrackGan;

/// <summary>
/// The multi-track WGAN-GP on the 17-track clips of one mma song (drums, bass, chords): the gradient penalty of a
/// constant critic is 1, both losses move, the learning rates decay by step, and --resume continues exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class MultiTrackTrainerTests : IDisposable
{
    public const string MmaSong = "/usr/share/doc/mma/examples/aria/bossa.mid";

    private readonly TempFolder _folder = new("euterpe-wgan-gp-");
    private MultiTrackDataset? _data;

    public void Dispose()
    {
        _data?.Dispose();
        _folder.Dispose();
    }

    private (MultiTrackBatches Batches, string Music) Data()
    {
        Assert.True(File.Exists(MmaSong), $"{MmaSong} is missing: install the Debian package mma");
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(MmaSong, Path.Combine(music, Path.GetFileName(MmaSong)));
        _data = MultiTrackDataset.Open(music, 0, 3);
        return (new MultiTrackBatches(_data.Train, 3), music);
    }

    private static MultiTrackRunConfig Config(string data, long steps) => MultiTrackTrainer.NewRunConfig(data, new MultiTrackRunConfig
    {
        Batch = 2, CriticSteps = 2, Steps = steps, Seed = 5, ValidationEvery = 1, CheckpointEvery = 1,
    });

    [Fact]
    public void The_penalty_of_a_constant_critic_is_one()
    {
        torch.manual_seed(3);
        using var critic = new MultiTrackCritic();
        // Every weight zero but the score's bias: the score is constant, its gradient 0, so the penalty is (0 − 1)² = 1.
        using (torch.no_grad())
            foreach (var (name, p) in critic.named_parameters())
                if (name != "score.bias") p.zero_();
        var real = torch.rand(2, 17, 64, 128);
        var fake = torch.rand(2, 17, 64, 128);
        Assert.Equal(1.0, MultiTrackTrainer.Penalty(critic, real, fake, torch.rand(2, 1, 1, 1)).item<float>(), 5);
    }

    [Fact]
    public void The_learning_rates_decay_by_three_quarters_every_25_epochs()
    {
        var config = new MultiTrackRunConfig { Batch = 16 };
        // 40 clips: 3 batches an epoch, so 75 steps between decays.
        Assert.Equal(1, config.DecayFactor(74, 40));
        Assert.Equal(0.75, config.DecayFactor(75, 40));
        Assert.Equal(0.75 * 0.75, config.DecayFactor(150, 40), 12);
    }

    [Fact]
    public void Both_losses_move_and_resume_continues_exactly()
    {
        var (batches, music) = Data();
        var straight = _folder.Path("straight");
        var metrics = MultiTrackTrainer.Train(batches, null, Config(music, 2), straight, resume: false);
        Assert.Equal([1, 2], metrics.History.Select(p => p.Step));
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.DiscriminatorLoss) && double.IsFinite(p.GeneratorLoss)));
        Assert.NotEqual(metrics.History[0].DiscriminatorLoss, metrics.History[^1].DiscriminatorLoss);
        Assert.NotEqual(metrics.History[0].GeneratorLoss, metrics.History[^1].GeneratorLoss);
        Assert.All(metrics.History, p => Assert.InRange(p.RealOnShare, 1e-4, 0.2));

        var split = _folder.Path("split");
        MultiTrackTrainer.Train(batches, null, Config(music, 1), split, resume: false);
        var resumed = MultiTrackTrainer.Train(batches, null, Config(music, 2), split, resume: true);
        var (a, _, _) = MultiTrackExporter.LoadRun(straight);
        var (b, _, _) = MultiTrackExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor.to_type(torch.ScalarType.Float32)).SequenceEqual(TensorAssert.Values<float>(weights[name].to_type(torch.ScalarType.Float32))),
                    $"{name} differs after resuming");
        }
        Assert.Equal(MultiTrackMetrics.TryLoad(straight)!.History, resumed.History);
    }

    [Fact]
    public void The_critic_scores_held_out_clips_at_every_point_without_changing_the_run()
    {
        var (batches, music) = Data();
        var plain = MultiTrackTrainer.Train(batches, null, Config(music, 2), _folder.Path("plain"), resume: false);
        Assert.Empty(plain.HeldOut);
        // The song's own clips as the held-out set: scored as the same training clips, they score the same.
        var scored = MultiTrackTrainer.Train(batches, _data!.Train, Config(music, 2), _folder.Path("scored"), resume: false);
        Assert.Equal([1, 2], scored.HeldOut.Select(p => p.Step));
        Assert.All(scored.HeldOut, p =>
        {
            Assert.True(double.IsFinite(p.HeldOutScore) && double.IsFinite(p.GeneratedScore), $"{p}");
            Assert.Equal(p.TrainScore, p.HeldOutScore);
        });
        // Scoring reads no torch random numbers and leaves the batch-norm statistics alone: the run is the one without it.
        Assert.Equal(plain.History, scored.History);
        Assert.Equal(scored.HeldOut, MultiTrackMetrics.TryLoad(_folder.Path("scored"))!.HeldOut);
    }
}
