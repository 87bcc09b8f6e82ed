using Euterpe.Core;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Trains the Pix2Pix inpainter (<see cref="Pix2PixModel"/>) as Pix2Pix does: per step one discriminator step on
/// (facade, real roll) labelled 1 and (facade, filled roll) labelled 0, binary cross-entropy on every patch, halved;
/// then one generator step minimising the non-saturating adversarial loss plus λ·L1(filled, real); Adam 2e-4, β (0.5,
/// 0.999) for both. Crops, facades and dropout depend only on the seed and the step, so --resume continues exactly; the
/// checkpoint holds both networks (with batch-norm statistics) and the generator's optimiser,
/// discriminator-optimizer.safetensors the discriminator's. At every point the held-out crops (at most
/// <see cref="MaxValidationCrops"/>, each with a fixed facade) are filled in eval mode and scored (<see cref="FillScore"/>).
/// </summary>
public static class Pix2PixTrainer
{
    public const string DiscriminatorOptimizerFileName = "discriminator-optimizer.safetensors";
    public const int MaxValidationCrops = 32;

    public static Pix2PixRunConfig ReadRunConfig(string checkpointPath) => Pix2PixRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static Pix2PixRunConfig NewRunConfig(string source, Pix2PixRunConfig options) => options with { Data = Path.GetFullPath(source) };

    public static Pix2PixMetrics Train(Pix2PixBatches train, Pix2PixBatches? validation, Pix2PixRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, DiscriminatorOptimizerFileName), "discriminator");
        long startStep = 0;
        double earlierSpeed = 0;
        var points = new List<Pix2PixPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.Count == 0) throw new EuterpeException($"{config.Data}: no training clip");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new Pix2PixModel();
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.999);
        using var discriminatorOptimizer = new GcSafeAdam(model.discriminator.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.999);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.discriminator, discriminatorOptimizer);
            var earlier = Pix2PixMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var batch = config.Batch;
        // Scalars alive through every step (a temporary one can be freed while libtorch reads it; see GcSafeAdam).
        using var half = 0.5.ToScalar();
        using var lambda = config.L1Weight.ToScalar();
        const int cells = Pix2PixGrid.CellsPerRoll;
        var facades = new float[batch * Pix2PixGrid.InputChannels * cells];
        var rolls = new float[batch * cells];
        var facadeShape = new long[] { batch, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches };
        var rollShape = new long[] { batch, Pix2PixGrid.Steps, Pix2PixGrid.Pitches };
        var history = points.Select(p => new LossPoint(p.Step, p.DiscriminatorLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var (generatorLoss, l1Sum, sinceLastPoint) = (0.0, 0.0, 0);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), discriminatorParameters = model.discriminator.parameters().Sum(p => p.numel());
        var validationCount = validation?.Count ?? 0;
        Pix2PixMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, DiscriminatorLoss = last?.DiscriminatorLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainClips = train.Count, ValidationClips = validationCount,
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
            // Dropout from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            train.Fill(step, batch, facades, rolls);
            using var scope = torch.NewDisposeScope();
            var facade = torch.tensor(facades, facadeShape).to(device);
            var real = torch.tensor(rolls, rollShape).to(device);
            var fake = model.generator.Fill(facade);
            double discriminatorLoss;
            {
                var realLogits = model.discriminator.Logits(facade, real);
                var fakeLogits = model.discriminator.Logits(facade, fake.detach());
                var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
                    .Plus(nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits))).mul(half);
                discriminatorOptimizer.zero_grad();
                loss.backward();
                discriminatorOptimizer.step();
                discriminatorLoss = loss.item<float>();
            }
            {
                var logits = model.discriminator.Logits(facade, fake);
                var l1 = nn.functional.l1_loss(fake, real);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, torch.ones_like(logits)).Plus(l1.mul(lambda));
                generatorOptimizer.zero_grad();
                loss.backward();
                generatorOptimizer.step();
                generatorLoss += loss.item<float>();
                l1Sum += l1.item<float>();
            }
            sinceLastPoint++;
            return discriminatorLoss;
        }

        // Called by the loop when it adds a point: the generator's mean loss since the last point takes the loop's
        // validation slot, so the curve shows G beside D; the held-out fill scores go into the point.
        double? Point()
        {
            var n = Math.Max(1, sinceLastPoint);
            var g = generatorLoss / n;
            var score = validation is { Count: > 0 } ? Score(model.generator, validation, config, device) : null;
            points.Add(new Pix2PixPoint(current, loop.LastTrainLoss, g, l1Sum / n, score?.FillPrecision, score?.FillRecall, score?.FillF1, score?.FilledF1, score?.FacadeF1));
            (generatorLoss, l1Sum, sinceLastPoint) = (0, 0, 0);
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.discriminator, discriminatorOptimizer, step, config.ToJson(), metrics.Save, history,
                $"pix2pix inpainting, batch {config.Batch}, λ {config.L1Weight}, seed {config.Seed}", "discriminator", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>
    /// The generator's fill of the first <see cref="MaxValidationCrops"/> held-out crops in eval mode (no dropout), each
    /// with the facade its index and the run's seed make, scored at the run's threshold. Leaves the generator in eval mode.
    /// </summary>
    public static FillScore Score(UNetGenerator generator, Pix2PixBatches crops, Pix2PixRunConfig config, Device device)
    {
        const int cells = Pix2PixGrid.CellsPerRoll;
        var count = Math.Min(MaxValidationCrops, crops.Count);
        var facades = new float[Pix2PixGrid.InputChannels * cells];
        var rolls = new float[cells];
        var score = FillScore.Zero;
        generator.eval();
        for (var i = 0; i < count; i++)
        {
            crops.Crop(i, config.Seed ^ (0xFACADEUL + (ulong)i), facades, rolls, 0);
            float[] filled;
            using (torch.no_grad())
            using (torch.NewDisposeScope())
            {
                var facade = torch.tensor(facades, new long[] { 1, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches }).to(device);
                filled = generator.Fill(facade).cpu().data<float>().ToArray();
            }
            score = score.Add(FillScore.Count(rolls, facades.AsSpan(0, cells), filled, config.Threshold));
        }
        return score;
    }
}
