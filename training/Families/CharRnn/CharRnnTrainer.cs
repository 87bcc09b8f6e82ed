using Euterpe.Core;
using Euterpe.Core.Abc;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.CharRnn;

/// <summary>
/// Trains a Char-RNN (an <see cref="EventRnnModel"/> over the ABC characters of <see cref="AbcCharacterEncoding"/>) on
/// an abc cache: random windows of --seq-len + 1 characters, cross-entropy, Adam, gradient-norm clipping; the
/// conditional form reads each piece's normalised melody features at every step. Validation cross-entropy is in nats
/// per character over whole held-out pieces. A checkpoint (weights, Adam state, step, config with the seed) every N
/// steps and at the end lets a killed run resume and continue exactly.
/// </summary>
public static class CharRnnTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;
    public const string LossCurveFileName = RunFolder.LossCurveFileName;

    /// <summary>Checks that a dataset holds ABC characters.</summary>
    public static void CheckDataset(PreparedDataset dataset, string source)
    {
        if (dataset.Encoding != DataEncoding.Abc)
            throw new EuterpeException($"{source}: the cache holds '{dataset.Manifest.Encoding}' data; char-rnn needs 'abc' (run `euterpe data prepare --encoding abc`)");
        if (dataset.Manifest.VocabularySize != AbcCharacterEncoding.VocabularySize)
            throw new EuterpeException($"{source}: the cache's vocabulary has {dataset.Manifest.VocabularySize} tokens, the ABC characters {AbcCharacterEncoding.VocabularySize}; prepare it again");
        if (dataset.Train.Count == 0) throw new EuterpeException($"{source}: no training pieces");
    }

    /// <summary>Refuses option values that no data could make right, so `train` says so before it reads (or prepares) any data.</summary>
    public static void CheckOptions(string configName, long steps, int batch, int sequenceLength, double learningRate, string device, double dropout = 0) =>
        EventRnnTrainer.CheckOptions(configName, steps, batch, sequenceLength, learningRate, device, dropout: dropout);

    /// <summary>A run config for a fresh run: model sizes from the named configuration and the corpus's mean conditioning.</summary>
    public static CharRnnRunConfig NewRunConfig(PreparedDataset dataset, string configName, bool conditional, long steps, int batch, int sequenceLength,
        double learningRate, ulong seed, string device, int validationEvery, int checkpointEvery, double dropout = 0)
    {
        CheckOptions(configName, steps, batch, sequenceLength, learningRate, device, dropout);
        var model = EventRnnConfig.Named(configName, AbcCharacterEncoding.VocabularySize, conditional ? ConditioningFeatures.Length : 0);
        return new CharRnnRunConfig
        {
            Config = model.Name, Conditional = conditional, VocabularySize = model.VocabularySize, EmbeddingSize = model.EmbeddingSize,
            HiddenSize = model.HiddenSize, Layers = model.Layers, ConditioningSize = model.ConditioningSize, Steps = steps, Batch = batch,
            SequenceLength = sequenceLength, LearningRate = learningRate, Seed = seed, Device = device, Data = dataset.Manifest.Data,
            ValidationEvery = Math.Max(1, validationEvery), CheckpointEvery = Math.Max(1, checkpointEvery),
            ConditioningMean = MeanConditioning(dataset.Train),
            Dropout = dropout,
        };
    }

    /// <summary>The config stored in a run's checkpoint (refused when it is not a char-rnn run's).</summary>
    public static CharRnnRunConfig ReadRunConfig(string checkpointPath) => CharRnnRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>
    /// Trains to <see cref="CharRnnRunConfig.Steps"/>. With <paramref name="resume"/> the run folder's checkpoint is loaded
    /// first (its model config wins; the step target, validation and checkpoint intervals come from <paramref name="config"/>).
    /// </summary>
    public static CharRnnMetrics Train(PreparedDataset dataset, CharRnnRunConfig config, string runFolder, bool resume, Action<TrainingProgress>? progress = null)
    {
        CheckDataset(dataset, config.Data);
        var checkpointPath = RunFolder.Open(runFolder, resume);
        long startStep = 0;
        var history = new List<LossPoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new EventRnnModel(config.ModelConfig());
        model.to(device);
        using var optimizer = new GcSafeAdam(model.parameters(), config.LearningRate);
        if (resume)
        {
            (startStep, _) = TrainingCheckpoint.Load(checkpointPath, model, optimizer);
            history.AddRange((CharRnnMetrics.TryLoad(runFolder)?.History ?? []).Where(p => p.Step <= startStep));
        }

        // Windows are drawn from (seed, step) alone, as the event RNN's are: a resumed run sees what an uninterrupted one would.
        var sampler = new WindowSampler(dataset.Train, config.SequenceLength, config.Seed, config.Data);
        var (batch, length) = (config.Batch, config.SequenceLength);
        var inputs = new long[batch * length];
        var targets = new long[batch * length];
        var rows = new PreparedSequence[batch];
        var conditioning = new float[batch * config.ConditioningSize];
        var normalised = EventRnnTrainer.NormalisedFeatures(dataset.Train.Concat(dataset.Validation));
        var validationNotes = dataset.Validation.Sum(p => (long)NotesOf(p));
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var previous = resume ? CharRnnMetrics.TryLoad(runFolder) : null;
        var metrics = Metrics(config, dataset, validationNotes, startStep, history, loop.LastTrainLoss, loop.LastValidation,
            previous?.Step == startStep ? previous.StepsPerSecond : 0);

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
                for (var b = 0; b < batch; b++) normalised[rows[b]].CopyTo(conditioning.AsSpan(b * config.ConditioningSize, config.ConditioningSize));
                c = torch.tensor(conditioning, new long[] { batch, config.ConditioningSize }).to(device);
            }
            var (logits, _, _) = model.forward(x, c);
            return TrainingLoop.Optimize(nn.functional.cross_entropy(logits.reshape(-1, config.VocabularySize), y), model, optimizer, config.ClipNorm);
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(config, dataset, validationNotes, step, history, loop.LastTrainLoss, loop.LastValidation, loop.StepsPerSecond);
            RunFolder.Save(runFolder, model, optimizer, step, config.ToJson(), metrics.Save, history,
                $"char-rnn {config.Config}{(config.Conditional ? " conditional" : "")}, seed {config.Seed}");
        }
        // Validation reads whole pieces with the state carried across chunks and each piece's own features: the event RNN's, unchanged.
        loop.Run(Step, () => dataset.Validation.Count > 0 ? EventRnnTrainer.ValidationCrossEntropy(model, dataset.Validation, normalised, device) : null,
            Checkpoint, progress);
        if (loop.NothingToDo) metrics.Save(runFolder); // nothing to train: refresh metrics.json
        return metrics;
    }

    /// <summary>
    /// The notes a piece's text plays, read back by Euterpe's ABC reader under the header <see cref="AbcCharacterEncoding.Tune"/>
    /// writes (a tie joins two written notes into one); 0 when the text does not read.
    /// </summary>
    public static int NotesOf(PreparedSequence piece)
    {
        var body = AbcCharacterEncoding.Decode(piece.Tokens);
        if (body.Length == 0) return 0;
        try
        {
            return AbcReader.Parse(AbcCharacterEncoding.Tune(body), piece.Name) is [var tune, ..] ? tune.Sequence.Notes.Count : 0;
        }
        catch (EuterpeException)
        {
            return 0;
        }
    }

    private static float[] MeanConditioning(IReadOnlyList<PreparedSequence> pieces)
    {
        var mean = new double[ConditioningFeatures.Length];
        var n = 0;
        foreach (var p in pieces)
        {
            if (p.Features is null) continue;
            var v = EventRnnTrainer.Normalise(p.Features);
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i];
            n++;
        }
        return [.. mean.Select(m => n > 0 ? (float)(m / n) : 0f)];
    }

    private static CharRnnMetrics Metrics(CharRnnRunConfig config, PreparedDataset dataset, long validationNotes, long step, List<LossPoint> history,
        double train, double? validation, double stepsPerSecond)
    {
        var tokens = dataset.Validation.Sum(p => (long)Math.Max(0, p.Tokens.Length - 1));
        return new CharRnnMetrics
        {
            Config = config,
            Step = step,
            LastTrainLoss = double.IsFinite(train) ? train : null,
            ValidationCrossEntropy = validation,
            RandomBaseline = Math.Log(config.VocabularySize),
            TrainPieces = dataset.Train.Count,
            TrainTokens = dataset.Train.Sum(p => (long)p.Tokens.Length),
            ValidationPieces = dataset.Validation.Count,
            ValidationTokens = tokens,
            ValidationNotes = validationNotes,
            CharactersPerNote = validationNotes > 0 ? (double)tokens / validationNotes : null,
            ValidationNatsPerNote = validationNotes > 0 ? validation * tokens / validationNotes : null,
            StepsPerSecond = stepsPerSecond,
            History = [.. history],
        };
    }
}
