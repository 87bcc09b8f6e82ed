using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// Trains the ABC GRU WGAN (<see cref="AbcWganModel"/>) with the Wasserstein loss and a gradient penalty (WGAN-GP):
/// per generator step, <see cref="AbcWganRunConfig.CriticSteps"/> critic steps, each on a fresh batch of real windows
/// and fresh noise; Adam (β 0.5, 0.9) for both. Every batch scores every prefix, so each covers all lengths up to the
/// current one (the curriculum: length 1, one more every <see cref="AbcWganRunConfig.Curriculum"/> steps, up to
/// <see cref="AbcWganRunConfig.MaxLength"/>); a sequence's critic score is the mean of its prefixes' scores. The free
/// rows of a batch are the generator's own text; the rest are teacher-helped: for each length i, i−1 real characters
/// and the generator's i-th (its distribution after reading them), scored by one critic step from the real prefix's
/// state. The gradient penalty is taken at random points between the real and the free rows. Noise, windows and
/// penalty points depend only on the seed and the step, so --resume continues exactly; the checkpoint holds both
/// modules and the generator's optimiser, critic-optimizer.safetensors the critic's. At the end the character BLEU of
/// 50 samples is measured (<see cref="AbcWganBleu"/>).
/// </summary>
public static class AbcWganTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string CriticOptimizerFileName = "critic-optimizer.safetensors";
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    /// <summary>Held-out windows the validation Wasserstein estimate reads.</summary>
    public const int ValidationWindows = 64;

    public static AbcWganRunConfig ReadRunConfig(string checkpointPath) => AbcWganRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    public static AbcWganMetrics Train(AbcWindows train, AbcWindows validation, AbcWganRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        var checkpoints = new AdversarialCheckpoint(checkpointPath, Path.Combine(runFolder, CriticOptimizerFileName), "critic");
        long startStep = 0;
        double earlierSpeed = 0; // a run resumed at its total trains nothing: it keeps the speed it measured
        var points = new List<AbcWganPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.MaxLength < config.MaxLength) throw new EuterpeException($"{config.Data}: windows of {train.MaxLength} characters, the run trains {config.MaxLength}");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new AbcWganModel(config);
        model.to(device);
        using var generatorOptimizer = new GcSafeAdam(model.generator.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.9);
        using var criticOptimizer = new GcSafeAdam(model.critic.parameters(), config.LearningRate, beta1: 0.5, beta2: 0.9);
        using var penaltyWeight = config.GradientPenalty.ToScalar(); // held through every step (TensorSums)
        if (resume)
        {
            startStep = checkpoints.Load(model, generatorOptimizer, model.critic, criticOptimizer);
            var earlier = AbcWganMetrics.TryLoad(runFolder);
            points.AddRange((earlier?.History ?? []).Where(p => p.Step <= startStep));
            earlierSpeed = earlier?.StepsPerSecond ?? 0;
        }

        var (v, batch, free) = (config.Vocabulary, config.Batch, config.FreeRows);
        var oneHot = new float[batch * config.MaxLength * v];
        var history = points.Select(p => new LossPoint(p.Step, p.CriticLoss, p.GeneratorLoss)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var (generatorLoss, wasserstein, sinceLastPoint) = (0.0, 0.0, 0);
        long generatorParameters = model.generator.parameters().Sum(p => p.numel()), criticParameters = model.critic.parameters().Sum(p => p.numel());
        AbcWganMetrics Metrics(long step)
        {
            var last = points.LastOrDefault();
            return new()
            {
                Config = config, Step = step, Length = config.LengthAt(Math.Max(1, step)), CriticLoss = last?.CriticLoss, GeneratorLoss = last?.GeneratorLoss,
                Wasserstein = last?.Wasserstein, ValidationWasserstein = last?.ValidationWasserstein, TrainPieces = train.Pieces, TrainWindows = train.Windows,
                ValidationPieces = validation.Pieces, GeneratorParameters = generatorParameters, CriticParameters = criticParameters,
                StepsPerSecond = loop.StepsPerSecond > 0 ? loop.StepsPerSecond : earlierSpeed, History = points,
            };
        }
        var metrics = Metrics(startStep);
        long current = startStep;

        Tensor RealBatch(long draw, int length)
        {
            train.FillOneHot(draw, batch, length, v, oneHot);
            return torch.tensor(oneHot.AsSpan(0, batch * length * v).ToArray(), new long[] { batch, length, v }).to(device);
        }

        double Step(long step)
        {
            current = step;
            model.train();
            var length = config.LengthAt(step);
            // Noise and penalty points from the seed and the step alone: a resumed run draws what an uninterrupted one would.
            torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL) + step));
            double criticLoss = 0;
            for (var k = 0; k < config.CriticSteps; k++)
            {
                using var scope = torch.NewDisposeScope();
                var real = RealBatch(step * (config.CriticSteps + 1) + k, length);
                Tensor fakeFree, teacher;
                using (torch.no_grad())
                {
                    var z = torch.randn(batch, config.Hidden, device: device);
                    fakeFree = model.generator.Free(z.narrow(0, 0, free), length);
                    teacher = batch > free ? model.generator.Teacher(z.narrow(0, free, batch - free), real.narrow(0, free, batch - free)) : torch.empty(0);
                }
                var (realScores, fakeScores) = Scores(model.critic, real, fakeFree, teacher, free);
                var w = realScores.mean() - fakeScores.mean();
                var loss = (-w).Plus(Penalty(model.critic, real.narrow(0, 0, free), fakeFree, torch.rand(free, 1, 1, device: device)).mul(penaltyWeight));
                criticOptimizer.zero_grad();
                loss.backward();
                criticOptimizer.step();
                criticLoss += loss.item<float>();
                wasserstein += w.item<float>() / config.CriticSteps;
            }
            using (var scope = torch.NewDisposeScope())
            {
                var real = RealBatch(step * (config.CriticSteps + 1) + config.CriticSteps, length);
                var z = torch.randn(batch, config.Hidden, device: device);
                var fakeFree = model.generator.Free(z.narrow(0, 0, free), length);
                var teacher = batch > free ? model.generator.Teacher(z.narrow(0, free, batch - free), real.narrow(0, free, batch - free)) : torch.empty(0);
                var (_, fakeScores) = Scores(model.critic, real, fakeFree, teacher, free);
                var loss = -fakeScores.mean();
                generatorOptimizer.zero_grad();
                loss.backward();
                generatorOptimizer.step();
                generatorLoss += loss.item<float>();
            }
            sinceLastPoint++;
            return criticLoss / config.CriticSteps;
        }

        // Called by the loop when it adds a point (after it has the critic's mean loss): the generator's mean loss since
        // the last point takes the loop's validation slot, so the curve shows G beside D.
        double? Point()
        {
            var g = generatorLoss / Math.Max(1, sinceLastPoint);
            var w = wasserstein / Math.Max(1, sinceLastPoint);
            points.Add(new AbcWganPoint(current, config.LengthAt(current), loop.LastTrainLoss, g, w, ValidationWasserstein(model, validation, config.LengthAt(current), config, device)));
            (generatorLoss, wasserstein, sinceLastPoint) = (0, 0, 0);
            return g;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            checkpoints.SaveRun(runFolder, model, generatorOptimizer, model.critic, criticOptimizer, step, config.ToJson(), metrics.Save, history,
                $"abc-wgan {config.Hidden} units, seed {config.Seed}", "critic", "generator");
        }
        loop.Run(Step, Point, Checkpoint, progress);
        // The source's figure, at the last step (a run resumed at its total measures it without training).
        var (bleu, samples) = AbcWganBleu.Measure(model.generator, train, config.MaxLength, config.Seed);
        metrics = (loop.NothingToDo ? metrics : Metrics(config.Steps)) with
        {
            Bleu = double.IsNaN(bleu) ? null : bleu,
            Samples = [.. samples.Select(tokens => AbcCharacterEncoding.Decode(tokens, "<tune>"))],
        };
        metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>
    /// The critic's prefix scores of the real rows [B, L] and of the fake ones [B, L]: the free rows' own text, then the
    /// teacher-helped rows, each length i scored by one critic step from the state after the real i−1 characters.
    /// </summary>
    public static (Tensor Real, Tensor Fake) Scores(AbcWganCritic critic, Tensor real, Tensor fakeFree, Tensor teacher, int free)
    {
        var (batch, length, v) = (real.shape[0], real.shape[1], real.shape[2]);
        var (realScores, states) = critic.Prefixes(real);
        var (freeScores, _) = critic.Prefixes(fakeFree);
        if (batch == free) return (realScores, freeScores);
        var helped = batch - free;
        var before = torch.zeros(helped, 1, critic.Hidden, device: real.device);
        if (length > 1) before = torch.cat([before, states.narrow(0, free, helped).narrow(1, 0, length - 1)], 1);
        var teacherScores = critic.StepScores(before.reshape(helped * length, critic.Hidden), teacher.reshape(helped * length, v)).reshape(helped, length);
        return (realScores, torch.cat([freeScores, teacherScores], 0));
    }

    /// <summary>
    /// WGAN-GP's penalty: (‖∇ score‖ − 1)² averaged over random points between real and generated rows, the score being
    /// the mean of the point's prefix scores (what the losses compare).
    /// </summary>
    /// <param name="epsilon">Where each point lies, [rows, 1, 1] uniform in 0…1: 1 is the real row.</param>
    public static Tensor Penalty(AbcWganCritic critic, Tensor real, Tensor fake, Tensor epsilon) =>
        GradientPenalty.Of(x => critic.Prefixes(x).Scores.mean(new long[] { 1 }), real, fake, epsilon);

    /// <summary>The critic's Wasserstein estimate on held-out windows of the current length against fixed noise; null without held-out data.</summary>
    public static double? ValidationWasserstein(AbcWganModel model, AbcWindows validation, int length, AbcWganRunConfig config, Device device)
    {
        if (validation.Pieces == 0) return null;
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var windows = validation.Spread(ValidationWindows, validation.MaxLength);
        var v = config.Vocabulary;
        var oneHot = new float[windows.Count * length * v];
        for (var b = 0; b < windows.Count; b++)
            for (var t = 0; t < length; t++) oneHot[(b * length + t) * v + windows[b][t]] = 1;
        var real = torch.tensor(oneHot, new long[] { windows.Count, length, v }).to(device);
        torch.manual_seed(unchecked((long)config.Seed) + 1); // the same noise at every point (each training step reseeds)
        var z = torch.randn(windows.Count, config.Hidden, device: device);
        var fake = model.generator.Free(z, length);
        var (realScores, _) = model.critic.Prefixes(real);
        var (fakeScores, _) = model.critic.Prefixes(fake);
        model.train();
        return (realScores.mean() - fakeScores.mean()).item<float>();
    }

    /// <summary>A run config for a new run on the data in <paramref name="folder"/>.</summary>
    public static AbcWganRunConfig NewRunConfig(string folder, AbcWganRunConfig options) =>
        options with { Vocabulary = AbcCharacterEncoding.VocabularySize, Data = Path.GetFullPath(folder) };
}
