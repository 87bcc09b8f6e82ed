using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// Trains the multi-track WGAN-GP with self-attention (<see cref="MultiTrackGanModel"/>). Per step
/// <see cref="MultiTrackRunConfig.CriticSteps"/> critic steps, each on its own real batch, minimising
/// mean score(fake) − mean score(real) + λ·(‖∇ score(x̂)‖ − 1)² at random points x̂ between real and generated clips,
/// then one generator step minimising −mean score(fake); Adam β (0.5, 0.9), both learning rates × the step decay
/// (<see cref="MultiTrackRunConfig.DecayFactor"/>). Clips and noise depend only on the seed and the step, so --resume
/// continues exactly; the checkpoint holds both networks (with batch-norm statistics) and the generator's optimiser,
/// critic-optimizer.safetensors the critic's. The loss curve shows the critic's loss (D) and the generator's (G). At every
/// point the critic also scores the held-out clips against training and generated ones (<see cref="MultiTrackHeldOut"/>),
/// kept in metrics.json's heldOut.
/// </summary>
public static class MultiTrackTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string CriticOptimizerFileName = "critic-optimizer.safetensors";

    public static MultiTrackRunConfig ReadRunConfig(string checkpointPath) => MultiTrackRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static MultiTrackRunConfig NewRunConfig(string source, MultiTrackRunConfig options) => options with { Data = Path.GetFullPath(source) };

    /// <param name="heldOut">The held-out clips the critic is scored on at every point; null or empty: none scored.</param>
    public static MultiTrackMetrics Train(MultiTrackBatches train, MultiTrackClips? heldOut, MultiTrackRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        var validationClips = heldOut?.Count ?? 0;
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, CriticOptimizerFileName), "critic");
        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        var points = new List<DcganPoint>();
        var heldOutPoints = new List<MultiTrackHeldOutPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.Count == 0) throw new EuterpeException($"{config.Data}: no training clip");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new MultiTrackGanModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.GeneratorLearningRate, beta1: 0.5, beta2: 0.9);
        using var criticOptimizer = new GcSafeAdam(model.critic.parameters(), config.CriticLearningRate, beta1: 0.5, beta2: 0.9);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.critic, criticOptimizer);
            var earlier = MultiTrackMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            heldOutPoints.AddRange((earlier?.HeldOut ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var batch = config.Batch;
        var scorer = heldOut is { Count: > 0 } ? new MultiTrackHeldOut(heldOut, train.Clips, config.Latent, batch, device) : null;
        using var wgan = new WganGpStep(config.CriticSteps, config.Threshold, config.Penalty, [batch, 1, 1, 1], device);
        var values = new float[batch * MultiTrackEncoding.CellsPerClip];
        var shape = new long[] { batch, MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches };
        var history = points.Select(p => new LossPoint(p.Step, p.DiscriminatorLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), criticParameters = model.critic.parameters().Sum(p => p.numel());
        var decay = config.DecayFactor(startStep, train.Count);
        MultiTrackMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, CriticLoss = last?.DiscriminatorLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainClips = train.Count, ValidationClips = validationClips, GeneratorParameters = generatorParameters, CriticParameters = criticParameters,
                StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed, DecayFactor = decay, History = points, HeldOut = heldOutPoints,
            };
        }
        var metrics = Metrics(startStep);
        long current = startStep;

        double Step(long step)
        {
            current = step;
            model.train();
            decay = config.DecayFactor(step, train.Count);
            foreach (var group in generatorOptimizer.ParamGroups) group.LearningRate = config.GeneratorLearningRate * decay;
            foreach (var group in criticOptimizer.ParamGroups) group.LearningRate = config.CriticLearningRate * decay;
            // Noise from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            return wgan.Run(k =>
                {
                    train.Fill(step * config.CriticSteps + k, batch, values);
                    return (torch.tensor(values, shape).to(device), null);
                },
                _ => model.generator.Clips(torch.randn(batch, config.Latent).to(device)),
                (clips, _) => model.critic.Scores(clips), criticOptimizer, generatorOptimizer);
        }

        // Called by the loop when it adds a point: the generator's mean loss since the last point takes the loop's
        // validation slot, so the curve shows G beside the critic's D.
        double? Point()
        {
            var (g, real, fake, realOn, fakeOn) = wgan.TakePoint();
            points.Add(new DcganPoint(current, loop.LastTrainLoss, g, real, fake, realOn, fakeOn));
            if (scorer is not null) heldOutPoints.Add(scorer.Score(model, current));
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.critic, criticOptimizer, step, config.ToJson(), metrics.Save, history,
                $"wgan-gp multi-track, batch {config.Batch}, n_critic {config.CriticSteps}, seed {config.Seed}", "critic", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>WGAN-GP's penalty: (‖∇ score‖ − 1)² averaged over points between real and generated clips.</summary>
    /// <param name="epsilon">[B, 1, 1, 1] uniform in 0…1: where each point lies (1 is the real clip).</param>
    public static Tensor Penalty(MultiTrackCritic critic, Tensor real, Tensor fake, Tensor epsilon) =>
        GradientPenalty.Of(critic.Scores, real, fake, epsilon);
}
