using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// Trains the piano-roll DCGAN (<see cref="DcganModel"/>) as the source does: binary cross-entropy on the
/// discriminator's logits (real 1, generated 0; the generator's loss the non-saturating −log D(G(z))), one
/// discriminator step then one generator step per step, Adam (β 0.5, 0.999) with the generator's and the
/// discriminator's own learning rates. Clips, noise and dropout depend only on the seed and the step, so --resume
/// continues exactly; the checkpoint holds both networks (with batch-norm statistics) and the generator's optimiser,
/// discriminator-optimizer.safetensors the discriminator's. The loss curve shows D and G.
/// </summary>
public static class DcganTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string DiscriminatorOptimizerFileName = "discriminator-optimizer.safetensors";
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    public static DcganRunConfig ReadRunConfig(string checkpointPath) => DcganRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    public static DcganMetrics Train(DcganBatches train, int validationClips, DcganRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, DiscriminatorOptimizerFileName), "discriminator");
        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        var points = new List<DcganPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (config.Family != DcganRunConfig.FamilyName) throw new EuterpeException($"{checkpointPath}: the run is {config.Family}, not dcgan");
        if (train.Count == 0) throw new EuterpeException($"{config.Data}: no training clip");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new DcganModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.GeneratorLearningRate, beta1: 0.5, beta2: 0.999);
        using var discriminatorOptimizer = new GcSafeAdam(model.discriminator.parameters(), config.DiscriminatorLearningRate, beta1: 0.5, beta2: 0.999);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.discriminator, discriminatorOptimizer);
            var earlier = DcganMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var batch = config.Batch;
        using var threshold = config.Threshold.ToScalar(); // alive through every step (see GcSafeAdam)
        var values = new float[batch * PianoRollEncoding.CellsPerClip];
        var history = points.Select(p => new LossPoint(p.Step, p.DiscriminatorLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var (generatorLoss, realProbability, fakeProbability, realOn, fakeOn, sinceLastPoint) = (0.0, 0.0, 0.0, 0.0, 0.0, 0);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), discriminatorParameters = model.discriminator.parameters().Sum(p => p.numel());
        DcganMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, DiscriminatorLoss = last?.DiscriminatorLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainClips = train.Count, ValidationClips = validationClips,
                GeneratorParameters = generatorParameters, DiscriminatorParameters = discriminatorParameters,
                StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed, History = points,
            };
        }
        var metrics = Metrics(startStep);
        long current = startStep;

        double Step(long step)
        {
            current = step;
            model.train();
            // Noise and dropout from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            double discriminatorLoss;
            using (var scope = torch.NewDisposeScope())
            {
                train.Fill(step, batch, values);
                var real = torch.tensor(values, new long[] { batch, 1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches }).to(device);
                Tensor fake;
                using (torch.no_grad()) fake = model.generator.Rolls(torch.randn(batch, config.Latent).to(device));
                var realLogits = model.discriminator.Logits(real);
                var fakeLogits = model.discriminator.Logits(fake);
                var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
                    .Plus(nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits)));
                discriminatorOptimizer.zero_grad();
                loss.backward();
                discriminatorOptimizer.step();
                discriminatorLoss = loss.item<float>();
                realProbability += torch.sigmoid(realLogits).mean().item<float>();
                fakeProbability += torch.sigmoid(fakeLogits).mean().item<float>();
                realOn = real.gt(threshold).to(ScalarType.Float32).mean().item<float>();
                fakeOn = fake.gt(threshold).to(ScalarType.Float32).mean().item<float>();
            }
            using (var scope = torch.NewDisposeScope())
            {
                var fake = model.generator.Rolls(torch.randn(batch, config.Latent).to(device));
                var logits = model.discriminator.Logits(fake);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, torch.ones_like(logits));
                generatorOptimizer.zero_grad();
                loss.backward();
                generatorOptimizer.step();
                generatorLoss += loss.item<float>();
            }
            sinceLastPoint++;
            return discriminatorLoss;
        }

        // Called by the loop when it adds a point (after it has the discriminator's mean loss): the generator's mean loss
        // since the last point takes the loop's validation slot, so the curve shows G beside D.
        double? Point()
        {
            var n = Math.Max(1, sinceLastPoint);
            var g = generatorLoss / n;
            points.Add(new DcganPoint(current, loop.LastTrainLoss, g, realProbability / n, fakeProbability / n, realOn, fakeOn));
            (generatorLoss, realProbability, fakeProbability, sinceLastPoint) = (0, 0, 0, 0);
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.discriminator, discriminatorOptimizer, step, config.ToJson(), metrics.Save, history,
                $"dcgan piano roll, batch {config.Batch}, seed {config.Seed}", "discriminator", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static DcganRunConfig NewRunConfig(string source, DcganRunConfig options) => options with { Data = Path.GetFullPath(source) };
}
