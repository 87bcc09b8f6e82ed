using Euterpe.Core;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Training.Data;
using Euterpe.Training.Families.NGram;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// Trains the SeqGAN (<see cref="SeqGanModel"/>) in the source's three phases, counted in one run of steps: steps
/// 1…<see cref="SeqGanRunConfig.PretrainSteps"/> pre-train the generator by maximum likelihood; the next
/// <see cref="SeqGanRunConfig.DiscriminatorPretrainSteps"/> pre-train the discriminator on real windows against the
/// generator's samples; every later step is adversarial: the generator samples a batch, each token's reward comes from
/// the discriminator through roll-outs of the roll-out copy (<see cref="SeqGanRollout"/>), the generator takes a
/// policy-gradient step (−mean over tokens of log G(y_t | y_&lt;t) · Q_t), the roll-out copy moves a little towards it, and the
/// discriminator takes <see cref="SeqGanRunConfig.DiscriminatorSteps"/> steps on fresh samples. Adam for both networks.
/// Windows and draws depend only on the seed and the step, so --resume continues exactly; the checkpoint holds all three
/// networks and the generator's optimiser, discriminator-optimizer.safetensors the discriminator's. Under the "ngram"
/// scheme the n-gram model of the same training melodies is counted first into RUN/<see cref="SeqGanFamily.DurationsFileName"/>.
/// </summary>
public static class SeqGanTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string DiscriminatorOptimizerFileName = "discriminator-optimizer.safetensors";
    public const string PretrainGenerator = "pretrain-generator";
    public const string PretrainDiscriminator = "pretrain-discriminator";
    public const string Adversarial = "adversarial";

    /// <summary>Held-out windows the validation NLL is measured on, at most.</summary>
    public const int ValidationWindows = 256;

    /// <summary>The generator's gradient norm is clipped to this, as the source does.</summary>
    public const double ClipNorm = 5.0;

    public static SeqGanRunConfig ReadRunConfig(string checkpointPath) => SeqGanRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>A run config for a new run on the data in <paramref name="source"/>: its vocabulary and data (the phases as <paramref name="options"/> has them).</summary>
    public static SeqGanRunConfig NewRunConfig(string source, SeqGanRunConfig options) =>
        options with { Vocabulary = SeqGanTokens.Count(options.Durations), Data = Path.GetFullPath(source) };

    /// <summary>The phase step <paramref name="step"/> belongs to.</summary>
    public static string PhaseOf(SeqGanRunConfig config, long step) =>
        step <= config.PretrainSteps ? PretrainGenerator : step <= config.AdversarialFrom ? PretrainDiscriminator : Adversarial;

    public static SeqGanMetrics Train(PreparedDataset data, SeqGanRunConfig config, string runFolder, bool resume, Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var (trainMelodies, validationMelodies) = SeqGanCorpus.Melodies(data); // before the run folder is made: a wrong cache leaves nothing
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, DiscriminatorOptimizerFileName), "discriminator");
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        var train = new SeqGanCorpus(config.Length, trainMelodies.Select(m => SeqGanCorpus.InScheme(m, config.Durations)), config.Seed);
        var validation = new SeqGanCorpus(config.Length, validationMelodies.Select(m => SeqGanCorpus.InScheme(m, config.Durations)), config.Seed);
        if (train.Pieces == 0) throw new EuterpeException($"{config.Data}: no training melody has {config.Length} tokens or more");
        var durationCrossEntropy = config.Durations == SeqGanTokens.NGram ? CountDurations(data, config, runFolder, resume) : null;

        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        double? pretrainBleu = null;
        var points = new List<SeqGanPoint>();
        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new SeqGanModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.LearningRate);
        using var discriminatorOptimizer = new GcSafeAdam(model.discriminator.parameters(), config.DiscriminatorLearningRate);
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.discriminator, discriminatorOptimizer);
            var earlier = SeqGanMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
            if (startStep >= config.PretrainSteps) pretrainBleu = earlier?.PretrainBleu;
        }

        var (batch, length) = (config.Batch, config.Length);
        var tokens = new long[batch * length];
        var heldOut = validation.Tiles(ValidationWindows);
        var bleu = new SeqGanBleu(train, config.Durations);
        var history = points.Select(p => new LossPoint(p.Step, p.GeneratorNll, p.DiscriminatorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        double discriminatorLoss = 0, realProbability = 0, fakeProbability = 0, policyLoss = 0, reward = 0;
        int discriminatorSteps = 0, adversarialSteps = 0;
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), discriminatorParameters = model.discriminator.parameters().Sum(p => p.numel());
        long current = startStep;

        SeqGanMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, Phase = PhaseOf(config, step), GeneratorNll = last?.GeneratorNll, DiscriminatorLoss = last?.DiscriminatorLoss,
                ValidationNll = last?.ValidationNll, ValidationNatsPerNote = last?.ValidationNll + (durationCrossEntropy ?? 0),
                PretrainBleu = pretrainBleu, Bleu = last?.Bleu, DurationCrossEntropy = durationCrossEntropy,
                TrainPieces = train.Pieces, TrainWindows = train.Windows, ValidationPieces = validation.Pieces,
                GeneratorParameters = generatorParameters, DiscriminatorParameters = discriminatorParameters,
                StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed, History = points,
            };
        }
        var metrics = Metrics(startStep);

        Tensor Batch(long draw)
        {
            train.Fill(draw, batch, tokens);
            return torch.tensor(tokens, new long[] { batch, length }).to(device);
        }

        // One discriminator step: real windows (batch `draw`) against fresh samples of the generator.
        void DiscriminatorStep(long draw)
        {
            using var scope = torch.NewDisposeScope();
            var real = Batch(draw);
            var fake = model.generator.Sample(batch, length, device);
            var realLogits = model.discriminator.Logits(real);
            var fakeLogits = model.discriminator.Logits(fake);
            var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits))
                .Plus(nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits)));
            discriminatorOptimizer.zero_grad();
            loss.backward();
            discriminatorOptimizer.step();
            discriminatorLoss += loss.item<float>();
            realProbability += torch.sigmoid(realLogits).mean().item<float>();
            fakeProbability += torch.sigmoid(fakeLogits).mean().item<float>();
            discriminatorSteps++;
        }

        double Step(long step)
        {
            current = step;
            model.train();
            // Windows and draws from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            var phase = PhaseOf(config, step);
            double nll;
            if (phase == PretrainGenerator)
            {
                using var scope = torch.NewDisposeScope();
                nll = TrainingLoop.Optimize(model.generator.Nll(Batch(step)), model.generator, generatorOptimizer, ClipNorm);
                if (step == config.PretrainSteps)
                {
                    model.CopyToRollout(0); // the roll-out copy starts as the pre-trained generator
                    pretrainBleu = Finite(bleu.Measure(model.generator, length, config.Seed + 1));
                }
                return nll;
            }
            if (phase == PretrainDiscriminator)
            {
                DiscriminatorStep(step);
            }
            else
            {
                using (var scope = torch.NewDisposeScope())
                {
                    var samples = model.generator.Sample(batch, length, device);
                    var rewards = SeqGanRollout.Rewards(model, samples, config.Rollouts);
                    var logProbabilities = nn.functional.log_softmax(model.generator.Logits(samples), -1).gather(2, samples.unsqueeze(2)).squeeze(2);
                    // A mean over tokens, not the source's sum: the gradient stays on the scale of pre-training's, which Adam's state was built on.
                    var loss = -(logProbabilities * rewards).mean();
                    policyLoss += TrainingLoop.Optimize(loss, model.generator, generatorOptimizer, ClipNorm);
                    reward += rewards.mean().item<float>();
                    adversarialSteps++;
                }
                model.CopyToRollout(config.RolloutKeep);
                for (var k = 0; k < config.DiscriminatorSteps; k++) DiscriminatorStep(-1 - (step * config.DiscriminatorSteps + k));
            }
            // The generator's likelihood of a training batch, so its curve runs through every phase.
            using (var scope = torch.NewDisposeScope())
            using (torch.no_grad())
                nll = model.generator.Nll(Batch(step)).item<float>();
            return nll;
        }

        // Called by the loop when it adds a point: the discriminator's mean loss since the last point takes the loop's
        // validation slot, so the curve shows D beside G.
        double? Point()
        {
            double? Mean(double sum, int n) => n > 0 ? sum / n : null;
            double? validationNll = null;
            if (heldOut.Count > 0)
            {
                using var scope = torch.NewDisposeScope();
                using var noGrad = torch.no_grad();
                model.generator.eval();
                validationNll = model.generator.Nll(torch.tensor(heldOut.SelectMany(w => w.Select(t => (long)t)).ToArray(), new long[] { heldOut.Count, length }).to(device)).item<float>();
            }
            var d = Mean(discriminatorLoss, discriminatorSteps);
            points.Add(new SeqGanPoint(current, PhaseOf(config, current), loop.LastTrainLoss, d, Mean(realProbability, discriminatorSteps), Mean(fakeProbability, discriminatorSteps),
                Mean(policyLoss, adversarialSteps), Mean(reward, adversarialSteps), validationNll, Finite(bleu.Measure(model.generator, length, config.Seed + 1))));
            (discriminatorLoss, realProbability, fakeProbability, policyLoss, reward, discriminatorSteps, adversarialSteps) = (0, 0, 0, 0, 0, 0, 0);
            return d;
        }

        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.discriminator, discriminatorOptimizer, step, config.ToJson(), metrics.Save, history,
                $"seqgan ({config.Durations}) {config.Hidden} units, seed {config.Seed}", "generator NLL", "discriminator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        metrics = loop.NothingToDo ? metrics : Metrics(config.Steps);
        metrics.Save(runFolder);
        return metrics;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// The "ngram" scheme's durations: the n-gram model counted on the same training melodies (once: a resumed run keeps
    /// its file), saved as the n-gram family's model.json; returns its held-out duration cross-entropy (nats per note).
    /// </summary>
    private static double? CountDurations(PreparedDataset data, SeqGanRunConfig config, string runFolder, bool resume)
    {
        var path = Path.Combine(runFolder, SeqGanFamily.DurationsFileName);
        NGramNoteModel model;
        if (resume && File.Exists(path)) model = NGramNoteModel.Load(path);
        else
        {
            var (counted, provenance) = NGramTrainer.Train(data, config.NGramOrder);
            counted.Save(path, provenance);
            model = counted;
        }
        var encoding = SeqGanTokens.Encoding;
        double total = 0;
        long notes = 0;
        foreach (var piece in data.Validation)
        {
            var (_, durations) = NGramTrainer.Split(encoding, piece.Tokens);
            for (var i = 0; i < durations.Length; i++, notes++) total -= Math.Log(model.Durations.Probability(durations.AsSpan(0, i), durations[i]));
        }
        return notes > 0 ? total / notes : null;
    }
}
