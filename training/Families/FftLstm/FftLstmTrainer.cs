using Euterpe.Core;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Trains an <see cref="FftLstmModel"/> on an audio frame cache: random windows of T + 1 frames, every step predicting the
/// next normalised frame, MSE loss, RMSprop with L2 weight decay, gradient clipping; validation MSE over the held-out
/// files; checkpoints (weights, optimiser, step, config, normalisation) that --resume continues exactly. A model with a
/// level head also learns the class of each next frame's level (cross-entropy), over classes fitted to the training frames.
/// </summary>
public static class FftLstmTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    /// <summary>Most validation windows measured (spread evenly over the held-out frames).</summary>
    public const int MaxValidationWindows = 64;

    /// <summary>
    /// Refuses option values that no data could make right, so `train` says so before it reads any data.
    /// </summary>
    public static void CheckOptions(string arch, string configName, long steps, int batch, int sequenceLength, double learningRate, double weightDecay, string device,
        double inputNoise = 0, int levelClasses = 0)
    {
        if (levelClasses != 0 && levelClasses is < 2 or > 1024) throw new EuterpeException($"--level-classes {levelClasses}: must be 0 (no level head) or 2…1024");
        if (!(inputNoise is >= 0 and <= 10)) throw new EuterpeException($"--input-noise {inputNoise}: must be 0…10 (standard deviations of the normalised frames)");
        FftLstmConfig.Named(configName, arch, 4); // an unknown --arch or --config
        if (steps < 1) throw new EuterpeException($"--steps {steps}: must be at least 1");
        if (batch < 1) throw new EuterpeException($"--batch {batch}: must be at least 1");
        if (sequenceLength < 1) throw new EuterpeException($"--seq-len {sequenceLength}: must be at least 1");
        if (!(learningRate > 0)) throw new EuterpeException($"--lr {learningRate}: must be positive");
        if (!(weightDecay >= 0)) throw new EuterpeException($"--l2 {weightDecay}: must be zero or positive");
        if (device is not ("cpu" or "cuda")) throw new EuterpeException($"--device {device}: must be cpu or cuda");
    }

    public static FftLstmRunConfig NewRunConfig(AudioFrameCache.Manifest cache, string cacheFolder, string arch, string configName, long steps, int batch,
        int sequenceLength, double learningRate, double weightDecay, ulong seed, string device, int validateEvery, int checkpointEvery, double inputNoise = 0,
        int levelClasses = 0)
    {
        CheckOptions(arch, configName, steps, batch, sequenceLength, learningRate, weightDecay, device, inputNoise, levelClasses);
        var m = FftLstmConfig.Named(configName, arch, cache.FrameSize);
        return new FftLstmRunConfig
        {
            Arch = arch, Config = configName, FrameSize = m.FrameSize, Hidden = m.Hidden, Features = m.Features, Layers = m.Layers,
            Channels = m.Channels, Kernel = m.Kernel, Pool = m.Pool, Context = m.Context, Dropout = m.Dropout,
            Steps = steps, Batch = batch, InputNoise = inputNoise, LevelClasses = levelClasses, SequenceLength = sequenceLength, LearningRate = learningRate, WeightDecay = weightDecay, Seed = seed,
            Device = device, ValidationEvery = Math.Max(1, validateEvery), CheckpointEvery = Math.Max(1, checkpointEvery),
            Data = Path.GetFullPath(cacheFolder), SampleRate = cache.SampleRate, FrameLayout = cache.FrameLayout, FrameLength = cache.FrameLength, Hop = cache.Hop,
        };
    }

    public static FftLstmRunConfig ReadRunConfig(string checkpointPath) => FftLstmRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    public static FftLstmMetrics Train(AudioFrameSplit train, AudioFrameSplit validation, FftLstmRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        if (train.FrameSize != config.FrameSize) throw new EuterpeException($"{config.Data}: frames of {train.FrameSize} values, the run expects {config.FrameSize}");
        var checkpointPath = RunFolder.Open(runFolder, resume);
        long startStep = 0;
        var history = new List<LossPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new FftLstmModel(config.ModelConfig());
        var (mean, std) = Normalization(train);
        model.SetNormalization(mean, std);
        if (config.LevelClasses > 0) model.SetLevelBins(FrameLevelBins.Fit(train.Frames.AsSpan(0, (int)(train.FrameCount * train.FrameSize)), train.FrameSize, config.LevelClasses));
        model.to(device);
        using var optimizer = new GcSafeRmsProp(model.parameters(), config.LearningRate, weight_decay: config.WeightDecay);
        if (resume)
        {
            (startStep, _) = TrainingCheckpoint.Load(checkpointPath, model, optimizer);
            history.AddRange((FftLstmMetrics.TryLoad(runFolder)?.History ?? []).Where(p => p.Step <= startStep));
            mean = Export.TorchWeights.Floats(model.frame_mean);
            std = Export.TorchWeights.Floats(model.frame_std);
        }
        var levels = model.LevelBins;

        var sampler = new FrameWindowSampler(train, config.SequenceLength, config.Seed, config.Data);
        var (batch, length, f) = (config.Batch, config.SequenceLength, config.FrameSize);
        var inputs = new float[batch * length * f];
        var targets = new float[batch * length * f];
        var levelTargets = new long[levels is null ? 0 : batch * length];
        var inputLevels = new float[levels is null ? 0 : batch * length];
        double? validationLevel = null;
        using var levelWeight = config.LevelWeight.ToScalar(); // alive through every step (see TensorSums)
        var noise = new RandomSource(config.Seed);
        var validationWindows = ValidationWindows(validation, length);
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var parameters = model.parameters().Sum(p => p.numel());
        FftLstmMetrics Metrics(long step) => new()
        {
            Config = config, Step = step, LastTrainLoss = double.IsNaN(loop.LastTrainLoss) ? null : loop.LastTrainLoss, ValidationMse = loop.LastValidation,
            ValidationLevelCrossEntropy = validationLevel,
            TrainFrames = train.FrameCount, ValidationFrames = validation.FrameCount, Parameters = parameters, StepsPerSecond = loop.StepsPerSecond, History = history,
        };
        var metrics = Metrics(startStep);

        double Step(long step)
        {
            model.train();
            using var scope = torch.NewDisposeScope();
            sampler.Fill(step, batch, inputs, targets);
            if (levels is { } bins)
            {
                // The levels of the clean frames: the input noise blurs the frames, not the level the model is told.
                LevelClasses(targets, f, bins, levelTargets);
                FftLstmModel.LevelFeatures(inputs, f, bins, inputLevels);
            }
            Normalize(inputs, mean, std);
            Normalize(targets, mean, std);
            if (config.InputNoise > 0)
            {
                // From the seed and the step only, so that --resume continues with the same noise.
                noise.Reseed(unchecked(config.Seed * 0x9E3779B97F4A7C15UL + (ulong)step));
                for (var i = 0; i < inputs.Length; i++) inputs[i] += (float)(noise.NextGaussian() * config.InputNoise);
            }
            var x = torch.tensor(inputs, new long[] { batch, length, f }).to(device);
            var y = torch.tensor(targets, new long[] { batch, length, f }).to(device);
            var (next, levelLogits) = model.Predict(x, levels is null ? null : torch.tensor(inputLevels, new long[] { batch, length, 1 }).to(device));
            var loss = nn.functional.mse_loss(next, y);
            if (levelLogits is not null)
            {
                var classes = torch.tensor(levelTargets, new long[] { batch * length }).to(device);
                loss = loss.Plus(nn.functional.cross_entropy(levelLogits.reshape(batch * length, config.LevelClasses), classes).mul(levelWeight));
            }
            return TrainingLoop.Optimize(loss, model, optimizer, config.ClipNorm);
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step);
            RunFolder.Save(runFolder, model, optimizer, step, config.ToJson(), metrics.Save, history, $"fft-lstm {config.Arch} {config.Config}, seed {config.Seed}");
        }
        double? Validate()
        {
            if (validationWindows.Count == 0) return null;
            (var mse, validationLevel) = Validation(model, validation, validationWindows, length, mean, std, device);
            return mse;
        }
        loop.Run(Step, Validate, Checkpoint, progress);
        if (loop.NothingToDo) metrics.Save(runFolder);
        return metrics;
    }

    /// <summary>Per-value mean and standard deviation of the training frames; a std is floored at 1 % of the mean std.</summary>
    public static (float[] Mean, float[] Std) Normalization(AudioFrameSplit split)
    {
        var f = split.FrameSize;
        var sum = new double[f];
        var squares = new double[f];
        var count = split.FrameCount;
        if (count == 0) throw new EuterpeException("no training frames");
        for (long i = 0; i < count; i++)
        {
            var frame = split.Frames.AsSpan((int)(i * f), f);
            for (var j = 0; j < f; j++)
            {
                sum[j] += frame[j];
                squares[j] += (double)frame[j] * frame[j];
            }
        }
        var mean = new float[f];
        var std = new double[f];
        for (var j = 0; j < f; j++)
        {
            var m = sum[j] / count;
            mean[j] = (float)m;
            std[j] = Math.Sqrt(Math.Max(0, squares[j] / count - m * m));
        }
        var floor = Math.Max(1e-6, 0.01 * std.Average());
        return (mean, [.. std.Select(s => (float)Math.Max(s, floor))]);
    }

    public static void Normalize(Span<float> frames, float[] mean, float[] std)
    {
        var f = mean.Length;
        for (var i = 0; i < frames.Length; i++) frames[i] = (frames[i] - mean[i % f]) / std[i % f];
    }

    /// <summary>The level class of each frame (of <paramref name="frameSize"/> raw values) in <paramref name="frames"/>.</summary>
    public static void LevelClasses(ReadOnlySpan<float> frames, int frameSize, FrameLevelBins bins, Span<long> classes)
    {
        for (var i = 0; i < classes.Length; i++) classes[i] = bins.Bin(FrameLevelBins.Db(frames.Slice(i * frameSize, frameSize)));
    }

    /// <summary>Start frames of up to <see cref="MaxValidationWindows"/> windows of T + 1 frames inside single held-out files.</summary>
    public static List<long> ValidationWindows(AudioFrameSplit split, int length)
    {
        var all = new List<long>();
        for (var file = 0; file < split.FileCount; file++)
            for (var start = split.Offsets[file]; start + length + 1 <= split.Offsets[file + 1]; start += length)
                all.Add(start);
        if (all.Count <= MaxValidationWindows) return all;
        return [.. Enumerable.Range(0, MaxValidationWindows).Select(i => all[(int)((long)i * all.Count / MaxValidationWindows)])];
    }

    /// <summary>
    /// Over the validation windows, in one forward pass each: the mean squared error per value of the normalised
    /// next-frame predictions and, for a model with a level head, the mean cross-entropy (nats) of its classes for the
    /// next frames' levels (null without a head).
    /// </summary>
    public static (double Mse, double? LevelCrossEntropy) Validation(FftLstmModel model, AudioFrameSplit split, IReadOnlyList<long> windows, int length,
        float[] mean, float[] std, Device device)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var bins = model.LevelBins;
        var f = split.FrameSize;
        var inputs = new float[length * f];
        var targets = new float[length * f];
        var features = new float[bins is null ? 0 : length];
        var classes = new long[bins is null ? 0 : length];
        double mse = 0, level = 0;
        foreach (var start in windows)
        {
            using var scope = torch.NewDisposeScope();
            split.Frames.AsSpan((int)(start * f), length * f).CopyTo(inputs);
            split.Frames.AsSpan((int)((start + 1) * f), length * f).CopyTo(targets);
            Tensor? levels = null;
            if (bins is { } b)
            {
                FftLstmModel.LevelFeatures(inputs, f, b, features);
                LevelClasses(targets, f, b, classes);
                levels = torch.tensor(features, new long[] { 1, length, 1 }).to(device);
            }
            Normalize(inputs, mean, std);
            Normalize(targets, mean, std);
            var x = torch.tensor(inputs, new long[] { 1, length, f }).to(device);
            var y = torch.tensor(targets, new long[] { 1, length, f }).to(device);
            var (next, logits) = model.Predict(x, levels);
            mse += nn.functional.mse_loss(next, y).item<float>();
            if (logits is not null) level += nn.functional.cross_entropy(logits.reshape(length, bins!.Value.Count), torch.tensor(classes).to(device)).item<float>();
        }
        return (mse / windows.Count, bins is null ? null : level / windows.Count);
    }
}
