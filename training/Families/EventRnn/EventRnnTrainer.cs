using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Trains an <see cref="EventRnnModel"/> on a performance-encoded cache: random windows, Adam, gradient-norm clipping,
/// validation cross-entropy on the held-out pieces, and a checkpoint (weights, Adam state, step, config with the seed)
/// every N steps and at the end, so a killed run resumes from its last checkpoint and continues exactly.
/// </summary>
public static class EventRnnTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    /// <summary>Checks that a dataset holds performance events with conditioning features.</summary>
    public static void CheckDataset(PreparedDataset dataset, string source)
    {
        if (dataset.Encoding != DataEncoding.Performance)
            throw new EuterpeException($"{source}: the cache holds '{dataset.Manifest.Encoding}' data; event-rnn needs 'performance' (run `euterpe data prepare --encoding performance`)");
        if (dataset.Train.Count == 0) throw new EuterpeException($"{source}: no training pieces");
    }

    /// <summary>
    /// Refuses option values that no data could make right, so `train` says so before it reads (or prepares) any data.
    /// </summary>
    public static void CheckOptions(string configName, long steps, int batch, int sequenceLength, double learningRate, string device,
        string conditioningScope = EventRnnRunConfig.WindowScope, double dropout = 0, int transpose = 0)
    {
        EventRnnConfig.Named(configName, 1, 0); // an unknown --config
        if (!(dropout >= 0 && dropout < 1)) throw new EuterpeException($"--dropout: must be at least 0 and below 1 (got {dropout})");
        if (transpose < 0 || transpose > 12) throw new EuterpeException($"--transpose: must be 0…12 semitones (got {transpose})");
        if (conditioningScope is not (EventRnnRunConfig.WindowScope or EventRnnRunConfig.PieceScope))
            throw new EuterpeException($"--conditioning: must be window or piece (got {conditioningScope})");
        if (steps < 1) throw new EuterpeException($"--steps: must be at least 1 (got {steps})");
        if (batch < 1) throw new EuterpeException($"--batch: must be at least 1 (got {batch})");
        if (sequenceLength < 2) throw new EuterpeException($"--seq-len: must be at least 2 (got {sequenceLength})");
        if (!(learningRate > 0)) throw new EuterpeException($"--lr: must be positive (got {learningRate})");
        if (device is not ("cpu" or "cuda")) throw new EuterpeException($"--device: must be cpu or cuda (got {device})");
    }

    /// <summary>A run config for a fresh run: model sizes from the named configuration, the corpus's encoding and mean conditioning.</summary>
    public static EventRnnRunConfig NewRunConfig(PreparedDataset dataset, string configName, bool conditional, long steps, int batch, int sequenceLength,
        double learningRate, ulong seed, string device, int validationEvery, int checkpointEvery, string conditioningScope = EventRnnRunConfig.WindowScope,
        double dropout = 0, int transpose = 0)
    {
        CheckOptions(configName, steps, batch, sequenceLength, learningRate, device, conditioningScope, dropout, transpose);
        var model = EventRnnConfig.Named(configName, dataset.Manifest.VocabularySize, conditional ? ConditioningFeatures.Length : 0);
        var encoding = new PerformanceEncoding(dataset.Manifest.Performance ?? new PerformanceEncodingOptions());
        var (keyProfile, tonicShares) = EventRnnCorpusTraits.Keys(dataset.Train);
        return new EventRnnRunConfig
        {
            Config = model.Name, Conditional = conditional, VocabularySize = model.VocabularySize, EmbeddingSize = model.EmbeddingSize,
            HiddenSize = model.HiddenSize, Layers = model.Layers, ConditioningSize = model.ConditioningSize, Steps = steps, Batch = batch,
            SequenceLength = sequenceLength, LearningRate = learningRate, Seed = seed, Device = device, Data = dataset.Manifest.Data,
            ValidationEvery = Math.Max(1, validationEvery), CheckpointEvery = Math.Max(1, checkpointEvery),
            Encoding = dataset.Manifest.Performance ?? new PerformanceEncodingOptions(),
            ConditioningMean = MeanConditioning(dataset.Train),
            DensityRange = WindowDensityRange(dataset.Train, sequenceLength, encoding),
            KeyProfile = keyProfile,
            TonicShares = tonicShares,
            LongNoteSeconds = EventRnnCorpusTraits.LongNoteSeconds(dataset.Train, encoding),
            ConditioningScope = conditioningScope,
            Dropout = dropout,
            Transpose = transpose,
        };
    }

    /// <summary>The config stored in a run's checkpoint.</summary>
    public static EventRnnRunConfig ReadRunConfig(string checkpointPath) => EventRnnRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>
    /// Trains to <see cref="EventRnnRunConfig.Steps"/>. With <paramref name="resume"/> the run folder's checkpoint is loaded
    /// first (its model config wins; the step target, validation and checkpoint intervals come from <paramref name="config"/>).
    /// </summary>
    public static EventRnnMetrics Train(PreparedDataset dataset, EventRnnRunConfig config, string runFolder, bool resume, Action<TrainingProgress>? progress = null)
    {
        CheckDataset(dataset, config.Data);
        var checkpointPath = RunFolder.Open(runFolder, resume);
        long startStep = 0;
        var history = new List<LossPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (config.VocabularySize != dataset.Manifest.VocabularySize)
            throw new EuterpeException($"{runFolder}: the checkpoint's vocabulary has {config.VocabularySize} tokens, the data {dataset.Manifest.VocabularySize}");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new EventRnnModel(config.ModelConfig());
        model.to(device);
        using var optimizer = new GcSafeAdam(model.parameters(), config.LearningRate);
        if (resume)
        {
            (startStep, _) = TrainingCheckpoint.Load(checkpointPath, model, optimizer);
            history.AddRange((EventRnnMetrics.TryLoad(runFolder)?.History ?? []).Where(p => p.Step <= startStep));
        }

        var sampler = new WindowSampler(dataset.Train, config.SequenceLength, config.Seed, config.Data, config.Transpose, new PerformanceEncoding(config.Encoding));
        var (batch, length) = (config.Batch, config.SequenceLength);
        var inputs = new long[batch * length];
        var targets = new long[batch * length];
        var rows = new PreparedSequence[batch];
        var conditioning = new float[batch * config.ConditioningSize];
        var normalised = NormalisedFeatures(dataset.Train.Concat(dataset.Validation));
        var encoding = new PerformanceEncoding(config.Encoding);
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var previous = resume ? EventRnnMetrics.TryLoad(runFolder) : null;
        var metrics = Metrics(config, dataset, startStep, history, loop.LastTrainLoss, loop.LastValidation, previous?.Step == startStep ? previous.StepsPerSecond : 0);

        double Step(long step)
        {
            model.train();
            // Dropout's masks come from the seed and the step, as the windows do, so a resumed run continues exactly.
            if (config.Dropout > 0) torch.manual_seed(unchecked((long)(config.Seed * 0x9E3779B97F4A7C15UL + (ulong)step)));
            using var scope = torch.NewDisposeScope();
            sampler.Fill(step, inputs, targets, rows);
            var x = torch.tensor(inputs, new long[] { batch, length }).to(device);
            var y = torch.tensor(targets, new long[] { batch * length }).to(device);
            Tensor? c = null;
            if (config.ConditioningSize > 0)
            {
                for (var b = 0; b < batch; b++)
                {
                    var row = conditioning.AsSpan(b * config.ConditioningSize, config.ConditioningSize);
                    if (config.ConditioningScope == EventRnnRunConfig.WindowScope)
                        WindowConditioning(inputs.AsSpan(b * length, length), targets[b * length + length - 1], encoding, row);
                    else normalised[rows[b]].CopyTo(row);
                }
                c = torch.tensor(conditioning, new long[] { batch, config.ConditioningSize }).to(device);
            }
            var (logits, _, _) = model.forward(x, c);
            return TrainingLoop.Optimize(nn.functional.cross_entropy(logits.reshape(-1, config.VocabularySize), y), model, optimizer, config.ClipNorm);
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(config, dataset, step, history, loop.LastTrainLoss, loop.LastValidation, loop.StepsPerSecond);
            RunFolder.Save(runFolder, model, optimizer, step, config.ToJson(), metrics.Save, history,
                $"event-rnn {config.Config}{(config.Conditional ? " conditional" : "")}, seed {config.Seed}");
        }
        loop.Run(Step, () => dataset.Validation.Count > 0 ? ValidationCrossEntropy(model, dataset.Validation, normalised, device, config) : null, Checkpoint, progress);
        if (loop.NothingToDo) metrics.Save(runFolder); // nothing to train: refresh metrics.json (e.g. after an upgrade)
        return metrics;
    }

    /// <summary>Mean cross-entropy (nats per predicted token) of the model over whole pieces, state carried across chunks.</summary>
    public static double ValidationCrossEntropy(EventRnnModel model, IReadOnlyList<PreparedSequence> pieces, IReadOnlyDictionary<PreparedSequence, float[]> normalised, Device device,
        EventRnnRunConfig? config = null)
    {
        // Window-conditioned models read the controls of the span they predict, as in training: chunks of a window.
        var windowScope = model.Config.IsConditional && config?.ConditioningScope == EventRnnRunConfig.WindowScope;
        var chunk = windowScope ? config!.SequenceLength : 512;
        var encoding = config is null ? null : new PerformanceEncoding(config.Encoding);
        var controls = new float[model.Config.ConditioningSize];
        model.eval();
        using var noGrad = torch.no_grad();
        double sum = 0;
        long count = 0;
        foreach (var piece in pieces)
        {
            var tokens = piece.Tokens;
            if (tokens.Length < 2) continue;
            using var scope = torch.NewDisposeScope();
            Tensor? c = model.Config.IsConditional ? torch.tensor(normalised[piece], new long[] { 1, model.Config.ConditioningSize }).to(device) : null;
            (Tensor h, Tensor c)? state = null;
            for (var start = 0; start < tokens.Length - 1; start += chunk)
            {
                var n = Math.Min(chunk, tokens.Length - 1 - start);
                var x = torch.tensor(tokens.AsSpan(start, n).ToArray().Select(t => (long)t).ToArray(), new long[] { 1, n }).to(device);
                var y = torch.tensor(tokens.AsSpan(start + 1, n).ToArray().Select(t => (long)t).ToArray(), new long[] { n }).to(device);
                if (windowScope)
                {
                    WindowConditioning(tokens.AsSpan(start, n), tokens[start + n], encoding!, controls);
                    c = torch.tensor(controls, new long[] { 1, model.Config.ConditioningSize }).to(device);
                }
                var (logits, h, cc) = model.forward(x, c, state);
                state = (h, cc);
                sum += nn.functional.cross_entropy(logits.reshape(-1, model.Config.VocabularySize), y, reduction: nn.Reduction.Sum).item<float>();
                count += n;
            }
        }
        model.train();
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>The lowest density <see cref="WindowDensityRange"/> reports, so a corpus with silent windows still has a range above 0.</summary>
    public const double MinWindowDensity = 0.1;

    /// <summary>
    /// The note densities (onsets per second, as the window controls measure them) of the middle 90 % of the training
    /// windows of <paramref name="sequenceLength"/> + 1 tokens, [5th percentile, 95th percentile]; empty when no piece
    /// is that long. The extremes are left out: a window of one chord or of a long rest says nothing a player can ask for.
    /// </summary>
    public static double[] WindowDensityRange(IReadOnlyList<PreparedSequence> pieces, int sequenceLength, PerformanceEncoding encoding)
    {
        var densities = new List<double>();
        var controls = new float[ConditioningFeatures.Length];
        foreach (var piece in pieces)
        {
            for (var start = 0; start + sequenceLength < piece.Tokens.Length; start += sequenceLength)
            {
                WindowConditioning(piece.Tokens.AsSpan(start, sequenceLength), piece.Tokens[start + sequenceLength], encoding, controls);
                densities.Add(controls[12] * ConditioningFeatures.MaxNotesPerSecond);
            }
        }
        if (densities.Count == 0) return [];
        densities.Sort();
        double At(double quantile) => Math.Max(MinWindowDensity, densities[(int)Math.Round(quantile * (densities.Count - 1))]);
        return [At(0.05), At(0.95)];
    }

    /// <summary>
    /// The normalised controls of a window of performance events (its inputs and the last target): pitch-class
    /// histogram and mean pitch of its note-ons, and note-ons per second of the time it spans.
    /// </summary>
    public static void WindowConditioning(ReadOnlySpan<long> inputs, long lastTarget, PerformanceEncoding encoding, Span<float> destination)
    {
        Span<int> tokens = stackalloc int[inputs.Length + 1];
        for (var i = 0; i < inputs.Length; i++) tokens[i] = (int)inputs[i];
        tokens[^1] = (int)lastTarget;
        WindowConditioning(tokens, encoding, destination);
    }

    public static void WindowConditioning(ReadOnlySpan<int> inputs, int lastTarget, PerformanceEncoding encoding, Span<float> destination)
    {
        Span<int> tokens = stackalloc int[inputs.Length + 1];
        inputs.CopyTo(tokens);
        tokens[^1] = lastTarget;
        WindowConditioning(tokens, encoding, destination);
    }

    private static void WindowConditioning(ReadOnlySpan<int> tokens, PerformanceEncoding encoding, Span<float> destination)
    {
        Span<float> weights = stackalloc float[12];
        weights.Clear();
        double pitchSum = 0;
        var onsets = 0;
        long shiftSteps = 0;
        foreach (var token in tokens)
        {
            var e = encoding.TokenToEvent(token);
            if (e.Type == PerformanceEventType.TimeShift) shiftSteps += e.Value;
            else if (e.Type == PerformanceEventType.NoteOn)
            {
                weights[e.Value % 12]++;
                pitchSum += e.Value;
                onsets++;
            }
        }
        var seconds = shiftSteps * encoding.Options.StepSeconds;
        // A window with no time in it (a chord) says nothing about density: the ceiling, as the events are simultaneous.
        var density = seconds > 0 ? (float)(onsets / seconds) : onsets > 0 ? ConditioningFeatures.MaxNotesPerSecond : 0f;
        ConditioningFeatures.FromValues(weights, density, onsets > 0 ? (float)(pitchSum / onsets) : 0f).CopyNormalisedTo(destination);
    }

    /// <summary>Each piece's features scaled for the model (<see cref="ConditioningFeatures.CopyNormalisedTo"/>).</summary>
    public static Dictionary<PreparedSequence, float[]> NormalisedFeatures(IEnumerable<PreparedSequence> pieces)
    {
        var result = new Dictionary<PreparedSequence, float[]>(ReferenceEqualityComparer.Instance);
        foreach (var p in pieces) result[p] = Normalise(p.Features);
        return result;
    }

    public static float[] Normalise(float[]? raw)
    {
        var values = new float[ConditioningFeatures.Length];
        if (raw is not { Length: ConditioningFeatures.Length }) return values;
        ConditioningFeatures.FromValues(raw.AsSpan(0, 12), raw[12], raw[13]).CopyNormalisedTo(values);
        return values;
    }

    private static float[] MeanConditioning(IReadOnlyList<PreparedSequence> pieces)
    {
        var mean = new double[ConditioningFeatures.Length];
        var n = 0;
        foreach (var p in pieces)
        {
            if (p.Features is null) continue;
            var v = Normalise(p.Features);
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i];
            n++;
        }
        return mean.Select(m => n > 0 ? (float)(m / n) : 0f).ToArray();
    }

    private static EventRnnMetrics Metrics(EventRnnRunConfig config, PreparedDataset dataset, long step, List<LossPoint> history, double train, double? validation, double stepsPerSecond)
    {
        var tokens = dataset.Validation.Sum(p => (long)Math.Max(0, p.Tokens.Length - 1));
        var seconds = dataset.Validation.Sum(p => SecondsOf(p.Tokens, config.Encoding));
        var encoding = new PerformanceEncoding(config.Encoding);
        var notes = dataset.Validation.Sum(p => (long)p.Tokens.Count(t => encoding.TokenToEvent(t).Type == PerformanceEventType.NoteOn));
        var total = validation * tokens;
        return new EventRnnMetrics
        {
            Config = config,
            Step = step,
            LastTrainLoss = double.IsFinite(train) ? train : null,
            ValidationCrossEntropy = validation,
            TrainPieces = dataset.Train.Count,
            TrainTokens = dataset.Train.Sum(p => (long)p.Tokens.Length),
            ValidationPieces = dataset.Validation.Count,
            ValidationTokens = tokens,
            ValidationSeconds = seconds,
            ValidationNotes = notes,
            ValidationNatsPerSecond = seconds > 0 ? total / seconds : null,
            ValidationNatsPerNote = notes > 0 ? total / notes : null,
            StepsPerSecond = stepsPerSecond,
            History = [.. history],
        };
    }

    /// <summary>Music time a token sequence spans (the sum of its time shifts).</summary>
    public static double SecondsOf(int[] tokens, PerformanceEncodingOptions options)
    {
        var encoding = new PerformanceEncoding(options);
        long steps = 0;
        foreach (var t in tokens)
        {
            var e = encoding.TokenToEvent(t);
            if (e.Type == PerformanceEventType.TimeShift) steps += e.Value;
        }
        return steps * options.StepSeconds;
    }
}
