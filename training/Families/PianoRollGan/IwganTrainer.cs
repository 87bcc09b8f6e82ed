using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// Trains the CNN GAN with the improved Wasserstein loss (WGAN-GP) on binary piano rolls: the DCGAN's convolutional
/// generator and, as critic, its discriminator without dropout whose logit is the linear score (<see cref="DcganModel"/>).
/// Per step <see cref="DcganRunConfig.CriticSteps"/> critic steps, each on its own real batch, minimising
/// mean score(fake) − mean score(real) + λ·(‖∇ score(x̂)‖ − 1)² at random points x̂ between real and generated clips,
/// then one generator step minimising −mean score(fake); Adam β (0.5, 0.9) for both. Points record the critic's loss
/// (its Wasserstein estimate and penalty) as D and the generator's as G, and the mean scores of real and generated clips
/// in the probability slots of <see cref="DcganPoint"/>. Resume is exact as for the DCGAN (<see cref="DcganTrainer"/>).
/// </summary>
public static class IwganTrainer
{
    public static DcganMetrics Train(DcganBatches train, int validationClips, DcganRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, DcganTrainer.DiscriminatorOptimizerFileName), "critic");
        long startStep = 0;
        double earlierSpeed = 0;
        var points = new List<DcganPoint>();
        if (resume)
            config = DcganTrainer.ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (config.Family != DcganRunConfig.IwganName) throw new EuterpeException($"{checkpointPath}: the run is {config.Family}, not iwgan");
        if (train.Count == 0) throw new EuterpeException($"{config.Data}: no training clip");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new DcganModel(config with { Dropout = 0 });
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.GeneratorLearningRate, beta1: 0.5, beta2: 0.9);
        using var criticOptimizer = new GcSafeAdam(model.discriminator.parameters(), config.DiscriminatorLearningRate, beta1: 0.5, beta2: 0.9);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.discriminator, criticOptimizer);
            var earlier = DcganMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var batch = config.Batch;
        using var wgan = new WganGpStep(config.CriticSteps, config.Threshold, config.Penalty, [batch, 1, 1, 1], device);
        var values = new float[batch * PianoRollEncoding.CellsPerClip];
        var shape = new long[] { batch, 1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches };
        var history = points.Select(p => new LossPoint(p.Step, p.DiscriminatorLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), criticParameters = model.discriminator.parameters().Sum(p => p.numel());
        DcganMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, DiscriminatorLoss = last?.DiscriminatorLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainClips = train.Count, ValidationClips = validationClips, GeneratorParameters = generatorParameters, DiscriminatorParameters = criticParameters,
                StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed, History = points,
            };
        }
        var metrics = Metrics(startStep);
        long current = startStep;

        double Step(long step)
        {
            current = step;
            model.train();
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            return wgan.Run(k =>
                {
                    train.Fill(step * config.CriticSteps + k, batch, values);
                    return (torch.tensor(values, shape).to(device), null);
                },
                _ => model.generator.Rolls(torch.randn(batch, config.Latent).to(device)),
                (clips, _) => model.discriminator.Logits(clips), criticOptimizer, generatorOptimizer);
        }

        double? Point()
        {
            var (g, real, fake, realOn, fakeOn) = wgan.TakePoint();
            points.Add(new DcganPoint(current, loop.LastTrainLoss, g, real, fake, realOn, fakeOn));
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.discriminator, criticOptimizer, step, config.ToJson(), metrics.Save, history,
                $"iwgan piano roll, batch {config.Batch}, n_critic {config.CriticSteps}, seed {config.Seed}", "critic", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>WGAN-GP's penalty: (‖∇ score‖ − 1)² averaged over points between real and generated clips.</summary>
    /// <param name="epsilon">[B, 1, 1, 1] uniform in 0…1: where each point lies (1 is the real clip).</param>
    public static Tensor Penalty(DcganDiscriminator critic, Tensor real, Tensor fake, Tensor epsilon) =>
        GradientPenalty.Of(critic.Logits, real, fake, epsilon);
}
