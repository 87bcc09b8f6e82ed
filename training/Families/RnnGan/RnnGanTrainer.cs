using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.RnnGan;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// Trains the RNN-GAN (<see cref="RnnGanModel"/>) with the standard GAN loss (binary cross-entropy on the
/// discriminator's logits; the generator's is the non-saturating −log D(G(z))) and the source's stabilising tricks:
/// one-sided label smoothing (real windows' target <see cref="RnnGanRunConfig.Smooth"/>) and history replay (half of
/// each fake batch the discriminator sees is drawn from generated batches of earlier steps, <see cref="RnnGanReplay"/>).
/// One discriminator step, then one generator step, per step; Adam (β 0.5, 0.999) for both. Noise, windows and replay
/// draws depend only on the seed and the step, and the replay buffer is in the checkpoint, so --resume continues
/// exactly; the checkpoint holds the modules and the generator's optimiser, discriminator-optimizer.safetensors the
/// discriminator's. At every point the collapse measures of the generator's samples are taken (<see cref="RnnGanCollapse"/>).
/// </summary>
public static class RnnGanTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string DiscriminatorOptimizerFileName = "discriminator-optimizer.safetensors";
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    /// <summary>The encoding the family plays: the default notes encoding's joint tokens (<see cref="RnnGanFamily.Encoding"/>).</summary>
    public static MonophonicNoteEncoding Encoding => RnnGanFamily.Encoding;

    public static RnnGanRunConfig ReadRunConfig(string checkpointPath) => RnnGanRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>The melodies of a notes-encoded dataset as token arrays; refuses other encodings and other note settings.</summary>
    public static (List<int[]> Train, List<int[]> Validation) Melodies(PreparedDataset data) => DefaultNoteMelodies.Of(data, RnnGanFamily.Name);

    public static RnnGanMetrics Train(RnnGanWindows train, RnnGanWindows validation, RnnGanRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, DiscriminatorOptimizerFileName), "discriminator");
        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        var points = new List<RnnGanPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.Pieces == 0) throw new EuterpeException($"{config.Data}: no training melody has {config.Length} tokens or more");
        if (train.Length != config.Length) throw new EuterpeException($"{config.Data}: windows of {train.Length} tokens, the run trains {config.Length}");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new RnnGanModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.999);
        using var discriminatorOptimizer = new GcSafeAdam(model.discriminator.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.999);
        using var smooth = config.Smooth.ToScalar(); // held through every step (TensorSums)
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.discriminator, discriminatorOptimizer);
            var earlier = RnnGanMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var (v, batch, length) = (config.Vocabulary, config.Batch, config.Length);
        var oneHot = new float[batch * length * v];
        var history = points.Select(p => new LossPoint(p.Step, p.DiscriminatorLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var (generatorLoss, realProbability, fakeProbability, sinceLastPoint) = (0.0, 0.0, 0.0, 0);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), discriminatorParameters = model.discriminator.parameters().Sum(p => p.numel());
        var dataCollapse = RnnGanCollapse.Of(train.Spread(RnnGanCollapse.Samples), Encoding);
        RnnGanMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, DiscriminatorLoss = last?.DiscriminatorLoss, GeneratorLoss = last?.GeneratorLoss,
                TrainPieces = train.Pieces, TrainWindows = train.Windows, ValidationPieces = validation.Pieces,
                GeneratorParameters = generatorParameters, DiscriminatorParameters = discriminatorParameters, StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed,
                Collapse = last is null ? null : new RnnGanCollapse(last.DistinctTokens, last.DistinctPitches, last.TopTokenShare),
                DataCollapse = dataCollapse, History = points,
            };
        }
        var metrics = Metrics(startStep);
        long current = startStep;

        double Step(long step)
        {
            current = step;
            model.train();
            // Noise, windows and replay draws from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            double discriminatorLoss;
            using (var scope = torch.NewDisposeScope())
            {
                train.FillOneHot(step, batch, v, oneHot);
                var real = torch.tensor(oneHot, new long[] { batch, length, v }).to(device);
                Tensor fake;
                using (torch.no_grad()) fake = model.generator.Free(torch.randn(batch, length, config.Noise).to(device));
                var replayed = model.replay.Count > 0 ? config.ReplayRows : 0;
                var shown = replayed > 0 ? torch.cat([fake.narrow(0, 0, batch - replayed), model.replay.Draw(replayed)], 0) : fake;
                var realLogits = model.discriminator.Logits(real);
                var fakeLogits = model.discriminator.Logits(shown);
                var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.full_like(realLogits, smooth))
                    .Plus(nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits)));
                discriminatorOptimizer.zero_grad();
                loss.backward();
                discriminatorOptimizer.step();
                discriminatorLoss = loss.item<float>();
                realProbability += torch.sigmoid(realLogits).mean().item<float>();
                fakeProbability += torch.sigmoid(fakeLogits.narrow(0, 0, batch - replayed)).mean().item<float>();
                if (config.Replay > 0) model.replay.Add(fake);
            }
            using (var scope = torch.NewDisposeScope())
            {
                var fake = model.generator.Free(torch.randn(batch, length, config.Noise).to(device));
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
            var collapse = RnnGanCollapse.Of(RnnGanCollapse.Sample(model.generator, length, config.Seed + 1), Encoding);
            points.Add(new RnnGanPoint(current, loop.LastTrainLoss, generatorLoss / n, realProbability / n, fakeProbability / n,
                collapse.DistinctTokens, collapse.DistinctPitches, collapse.TopTokenShare));
            var g = generatorLoss / n;
            (generatorLoss, realProbability, fakeProbability, sinceLastPoint) = (0, 0, 0, 0);
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.discriminator, discriminatorOptimizer, step, config.ToJson(), metrics.Save, history,
                $"rnn-gan {config.Hidden} units, seed {config.Seed}", "discriminator", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static RnnGanRunConfig NewRunConfig(string source, RnnGanRunConfig options) =>
        options with { Vocabulary = Encoding.JointVocabularySize, Data = Path.GetFullPath(source) };
}
