using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// Trains the DCRNN (<see cref="DcrnnModel"/>) adversarially with WGAN-GP: per step <see cref="DcrnnRunConfig.CriticSteps"/>
/// critic steps, each on its own real batch, minimising mean score(fake) − mean score(real) + λ·(‖∇ score(x̂)‖ − 1)² at
/// random points x̂ between real and generated rolls (the generated ones made from the real clips' histograms, which
/// the critic sees too), then one generator step minimising −mean score(fake); Adam β (0.5, 0.9). Clips and noise
/// depend only on the seed and the step, so --resume continues exactly: the checkpoint holds both networks and the
/// generator's optimiser, critic-optimizer.safetensors the critic's. The loss curve shows the critic (D) and G.
/// </summary>
public static class DcrnnTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string CriticOptimizerFileName = "critic-optimizer.safetensors";

    public static DcrnnRunConfig ReadRunConfig(string checkpointPath) => DcrnnRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    public static DcrnnMetrics Train(DcrnnBatches train, int validationClips, DcrnnRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, CriticOptimizerFileName), "critic");
        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        var points = new List<DcrnnPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.Count == 0) throw new EuterpeException($"{config.Data}: no training clip");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new DcrnnModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.GeneratorLearningRate, beta1: 0.5, beta2: 0.9);
        using var criticOptimizer = new GcSafeAdam(model.critic.parameters(), config.CriticLearningRate, beta1: 0.5, beta2: 0.9);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.critic, criticOptimizer);
            var earlier = DcrnnMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var batch = config.Batch;
        using var wgan = new WganGpStep(config.CriticSteps, config.Threshold, config.Penalty, [batch, 1, 1], device);
        var rolls = new float[batch * DcrnnBatches.CellsPerClip];
        var histograms = new float[batch * DcrnnGrid.PitchClasses];
        var rollShape = new long[] { batch, DcrnnGrid.Steps, PianoRollEncoding.Pitches };
        var histogramShape = new long[] { batch, DcrnnGrid.PitchClasses };
        var history = points.Select(p => new LossPoint(p.Step, p.CriticLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), criticParameters = model.critic.parameters().Sum(p => p.numel());
        DcrnnMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, CriticLoss = last?.CriticLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainClips = train.Count, ValidationClips = validationClips, GeneratorParameters = generatorParameters, CriticParameters = criticParameters,
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
            // Each real batch's histograms condition the critic's view of it; the generator step takes the last batch's.
            return wgan.Run(k =>
                {
                    train.Fill(step * config.CriticSteps + k, batch, rolls, histograms);
                    return (torch.tensor(rolls, rollShape).to(device), torch.tensor(histograms, histogramShape).to(device));
                },
                histogram => model.generator.Rolls(torch.randn(batch, config.Latent).to(device), histogram!),
                (clips, histogram) => model.critic.Scores(clips, histogram!), criticOptimizer, generatorOptimizer);
        }

        double? Point()
        {
            var (g, real, fake, realOn, fakeOn) = wgan.TakePoint();
            points.Add(new DcrnnPoint(current, loop.LastTrainLoss, g, real, fake, realOn, fakeOn));
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.critic, criticOptimizer, step, config.ToJson(), metrics.Save, history,
                $"dcrnn piano roll, batch {config.Batch}, n_critic {config.CriticSteps}, seed {config.Seed}", "critic", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>WGAN-GP's penalty: (‖∇ score‖ − 1)² averaged over points between real and generated rolls (the histogram held).</summary>
    /// <param name="epsilon">[B, 1, 1] uniform in 0…1: where each point lies (1 is the real roll).</param>
    public static Tensor Penalty(DcrnnCritic critic, Tensor real, Tensor fake, Tensor histogram, Tensor epsilon) =>
        GradientPenalty.Of(x => critic.Scores(x, histogram), real, fake, epsilon);

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static DcrnnRunConfig NewRunConfig(string source, DcrnnRunConfig options) => options with { Data = Path.GetFullPath(source) };
}
