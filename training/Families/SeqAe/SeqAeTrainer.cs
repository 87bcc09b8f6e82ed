using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.SeqAe;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch;
using Euterpe.Training.Torch.Optimizers;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// Trains the continuous sequential autoencoder (<see cref="SeqAeModel"/>) on windows of consecutive subsequences:
/// each subsequence is encoded to c' = tanh(…); the loss is L_rec (f_dec from c') + L_rec^bin (f_dec^bin from
/// sign(c'), detached) + <see cref="SeqAeRunConfig.Continuity"/> × L_con + <see cref="SeqAeRunConfig.Quantisation"/> × L_q,
/// with L_con = ‖sign(c'ᵢ) − c'ᵢ₊₁‖² + ‖c'ᵢ − sign(c'ᵢ₊₁)‖² over neighbouring subsequences of a window and
/// L_q = ‖c'ᵢ − sign(c'ᵢ)‖² (each a sum over the code's bits, a mean over codes or pairs); the reconstructions are mean
/// cross-entropies per token. The two constraint weights rise linearly from 0 over <see cref="SeqAeRunConfig.Warmup"/>
/// steps: early codes carry nothing yet, and pinned then they stayed one saturated code per song (held-out Hamming 0
/// through 600 steps with weights 0.005 and no warm-up, training/Families/SeqAe/README.md).
/// Adam, gradient norm clipped at 1. Windows come from the seed and the step alone, so
/// --resume continues exactly. Validation is <see cref="SeqAeMeasures"/> on the held-out melodies.
/// </summary>
public static class SeqAeTrainer
{
    public const string CheckpointFileName = RunFolder.CheckpointFileName;

    /// <summary>The encoding the family plays: the default notes encoding's joint tokens.</summary>
    public static MonophonicNoteEncoding Encoding => SeqAeFamily.Encoding;

    public static SeqAeRunConfig ReadRunConfig(string checkpointPath) => SeqAeRunConfig.FromJson(RunFolder.ReadConfigJson(checkpointPath), checkpointPath);

    /// <summary>The melodies of a notes-encoded dataset as token arrays; refuses other encodings and other note settings.</summary>
    public static (List<int[]> Train, List<int[]> Validation) Melodies(PreparedDataset data)
    {
        if (data.Encoding != DataEncoding.Notes || data.Manifest.Notes is not { } settings)
            throw new EuterpeException($"{data.Manifest.Data}: the cache is encoded as {data.Manifest.Encoding}; seq-ae needs melodies (prepare it with --encoding notes)");
        var defaults = new NoteEncodingSettings();
        if (settings.MinPitch != defaults.MinPitch || settings.MaxPitch != defaults.MaxPitch || settings.StepsPerBeat != defaults.StepsPerBeat
            || !settings.DurationSteps.SequenceEqual(defaults.DurationSteps))
            throw new EuterpeException($"{data.Manifest.Data}: seq-ae plays the default notes encoding (pitches {defaults.MinPitch}–{defaults.MaxPitch}, {defaults.StepsPerBeat} steps a beat, durations {string.Join(' ', defaults.DurationSteps)})");
        return ([.. data.Train.Select(p => p.Tokens)], [.. data.Validation.Select(p => p.Tokens)]);
    }

    /// <summary>
    /// Trains to <see cref="SeqAeRunConfig.Steps"/>. With <paramref name="resume"/> the run folder's checkpoint is loaded
    /// first (its model config wins; the step target, validation and checkpoint intervals come from <paramref name="config"/>).
    /// </summary>
    public static SeqAeMetrics Train(SeqAeWindows train, IReadOnlyList<int[]> validation, SeqAeRunConfig config, string runFolder, bool resume,
        Action<TrainingProgress>? progress = null)
    {
        config.Check();
        var checkpointPath = RunFolder.Open(runFolder, resume);
        long startStep = 0;
        var points = new List<SeqAePoint>();
        if (resume)
            config = ReadRunConfig(checkpointPath) with { Steps = config.Steps, ValidationEvery = config.ValidationEvery, CheckpointEvery = config.CheckpointEvery };
        if (train.Pieces == 0) throw new EuterpeException($"{config.Data}: no training melody has {config.WindowTokens} tokens or more ({config.Chunks} subsequences of {config.Length})");
        if (train.Length != config.Length || train.Chunks != config.Chunks)
            throw new EuterpeException($"{config.Data}: windows of {train.Chunks}×{train.Length} tokens, the run trains {config.Chunks}×{config.Length}");

        var device = TorchRuntime.Device(config.Device);
        torch.manual_seed(unchecked((long)config.Seed));
        using var model = new SeqAeModel(config);
        model.to(device);
        using var optimizer = new GcSafeAdam(model.parameters(), config.LearningRate);
        var previous = resume ? SeqAeMetrics.TryLoad(runFolder) : null;
        if (resume)
        {
            (startStep, _) = TrainingCheckpoint.Load(checkpointPath, model, optimizer);
            points.AddRange((previous?.History ?? []).Where(p => p.Step <= startStep));
        }

        var (batch, k, length, m, v) = (config.Batch, config.Chunks, config.Length, config.CodeBits, config.Vocabulary);
        var tokens = new long[batch * k * length];
        var history = points.Select(p => new LossPoint(p.Step, p.Loss, p.HeldOut?.BinaryReconstruction)).ToList();
        var loop = new TrainingLoop(startStep, config.Steps, config.ValidationEvery, config.CheckpointEvery, history);
        var parameters = model.parameters().Sum(p => p.numel());
        var (reconstruction, binary, continuity, quantisation, since) = (0.0, 0.0, 0.0, 0.0, 0);
        var current = startStep;
        SeqAeMetrics Metrics(long step, double speed) => new()
        {
            Config = config, Step = step, TrainPieces = train.Pieces, TrainWindows = train.Windows, ValidationPieces = validation.Count,
            Parameters = parameters, StepsPerSecond = speed, HeldOut = points.LastOrDefault()?.HeldOut, History = points,
        };
        var metrics = Metrics(startStep, previous?.Step == startStep ? previous.StepsPerSecond : 0);

        double Step(long step)
        {
            current = step;
            model.train();
            using var scope = torch.NewDisposeScope();
            train.Fill(step, batch, tokens);
            var x = torch.tensor(tokens, new long[] { batch * k, length }).to(device);
            var targets = x.reshape(-1);
            var code = model.encoder.forward(x); // c' [B·K, m]
            var sign = torch.sign(code).detach();
            var rec = nn.functional.cross_entropy(model.decoder.forward(code, x).reshape(-1, v), targets);
            var recBin = nn.functional.cross_entropy(model.binary_decoder.forward(sign, x).reshape(-1, v), targets);
            var (c, s) = (code.reshape(batch, k, m), sign.reshape(batch, k, m));
            var con = (s.narrow(1, 0, k - 1) - c.narrow(1, 1, k - 1)).square().sum(-1).Plus((c.narrow(1, 0, k - 1) - s.narrow(1, 1, k - 1)).square().sum(-1)).mean();
            var q = (code - sign).square().sum(-1).mean();
            var ramp = config.Ramp(step);
            using var continuityWeight = (ramp * config.Continuity).ToScalar();
            using var quantisationWeight = (ramp * config.Quantisation).ToScalar();
            var loss = rec.Plus(recBin).Plus(con.mul(continuityWeight)).Plus(q.mul(quantisationWeight));
            reconstruction += rec.item<float>();
            binary += recBin.item<float>();
            continuity += con.item<float>();
            quantisation += q.item<float>();
            since++;
            return TrainingLoop.Optimize(loss, model, optimizer, 1.0);
        }
        // Called by the loop when it adds a point, after it has the mean total loss.
        double? Validate()
        {
            var n = Math.Max(1, since);
            var heldOut = SeqAeMeasures.Measure(model, validation, device);
            points.Add(new SeqAePoint(current, loop.LastTrainLoss, reconstruction / n, binary / n,
                continuity / n, quantisation / n, heldOut));
            (reconstruction, binary, continuity, quantisation, since) = (0, 0, 0, 0, 0);
            return heldOut?.BinaryReconstruction;
        }
        void Checkpoint(long step)
        {
            metrics = Metrics(step, loop.StepsPerSecond);
            RunFolder.Save(runFolder, model, optimizer, step, config.ToJson(), metrics.Save, history,
                $"seq-ae {config.Hidden} units, {config.CodeBits}-bit codes, seed {config.Seed} (validation: held-out L_rec^bin)");
        }
        loop.Run(Step, Validate, Checkpoint, progress);
        if (loop.NothingToDo) metrics.Save(runFolder); // nothing to train: refresh metrics.json
        return metrics;
    }

    /// <summary>A run config for a new run on the data in <paramref name="source"/>.</summary>
    public static SeqAeRunConfig NewRunConfig(string source, SeqAeRunConfig options) =>
        options with { Vocabulary = Encoding.JointVocabularySize, Data = Path.GetFullPath(source) };
}
