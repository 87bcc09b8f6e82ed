using Euterpe.Core.Families.Refine;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Serialization;
using Euterpe.Training.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// Trains a refine net (<see cref="RefineModel"/>) by regression: mean squared error between its outputs and the
/// targets of <see cref="RefineExamples"/> over windows of notes (padding masked out), Adam, gradient norm clipped at 1.
/// Validation is <see cref="RefineMeasures"/> on the held-out parts (its loss is the curve's validation line).
/// Windows and stretches come from the seed and the step alone, so --resume continues exactly.
/// </summary>
public static class RefineTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;

    public static RefineRunConfig ReadRunConfig(string checkpointPath) => RefineRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>
    /// Trains to <see cref="RefineRunConfig.Steps"/>. With <paramref name="resume"/> the run folder's checkpoint is loaded
    /// first (its model config wins; the step target, validation and checkpoint intervals come from <paramref name="config"/>).
    /// </summary>
    public static RefineMetrics Train(RefineCorpus corpus, RefineRunConfig config, string runFolder, bool resume, Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        long startStep = 0;
        var history = new List<LossPoint>();
        if (resume)
        {
            var stored = ReadRunConfig(checkpointPath);
            if (stored.Family != config.Family) throw new Core.EuterpeException($"{checkpointPath}: the run trains a {stored.Family} net, not {config.Family}");
            config = stored with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        }

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new RefineModel(config);
        model.to(device);
        using var optimizer = new GcSafeAdam(model.parameters(), config.LearningRate);
        var previous = resume ? RefineMetrics.TryLoad(runFolder) : null;
        if (resume)
        {
            (startStep, _) = TrainingCheckpoint.Load(checkpointPath, model, optimizer);
            history.AddRange((previous?.History ?? []).Where(p => p.Step <= startStep));
        }

        var examples = new RefineExamples(corpus.Train, config);
        var kind = config.Kind;
        var (batch, length, f, o) = (config.Batch, config.Length, kind.Inputs(), kind.Outputs());
        var inputs = new float[batch * length * f];
        var targets = new float[batch * length * o];
        var mask = new float[batch * length];
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var parameters = model.parameters().Sum(p => p.numel());
        var measures = previous?.Step == startStep ? previous.Measures : null;
        RefineMetrics Metrics(long step, double speed) => new()
        {
            Config = config, Step = step, TrainFiles = corpus.TrainFiles, TrainParts = examples.Parts, TrainNotes = examples.Notes,
            ValidationFiles = corpus.ValidationFiles, ValidationParts = corpus.Validation.Count, Parameters = parameters, StepsPerSecond = speed,
            Measures = measures, History = history,
        };
        var metrics = Metrics(startStep, previous?.Step == startStep ? previous.StepsPerSecond : 0);

        double Step(long step)
        {
            model.train();
            using var scope = torch.NewDisposeScope();
            examples.Fill(step, inputs, targets, mask);
            var x = torch.tensor(inputs, new long[] { batch, length, f }).to(device);
            var y = torch.tensor(targets, new long[] { batch, length, o }).to(device);
            var m = torch.tensor(mask, new long[] { batch, length, 1 }).to(device);
            var squared = (model.forward(x) - y).square() * m;
            var loss = squared.sum() / (m.sum() * o);
            return TrainingLoop.Optimize(loss, model, optimizer, 1.0);
        }
        double? Validate()
        {
            if (corpus.Validation.Count == 0) return null;
            measures = RefineMeasures.Measure(model, corpus.Validation, config, device);
            return measures.Loss;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step, loop.StepsPerSecond);
            RunFolder.Save(runFolder, model, optimizer, step, config.ToJson(), metrics.Save, history,
                $"{config.Family} {config.Layers}×{config.Hidden} LSTM, seed {config.Seed}");
        }
        loop.Run(Step, Validate, Checkpoint, progress);
        if (loop.NothingToDo) metrics.Save(runFolder); // nothing to train: refresh metrics.json
        return metrics;
    }

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static RefineRunConfig NewRunConfig(string source, RefineRunConfig options) => options with { Data = Path.GetFullPath(source) };
}
