using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.RnnGan;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.RnnGan;

/// <summary>
/// Turns an rnn-gan run folder into a preset, written atomically: model.onnx (the generator's step,
/// <see cref="RnnGanOnnxGraph"/>) and manifest.json (family rnn-gan, note-tokens with the joint tokens' names, the
/// frame in and out, the LSTM's state pairs, provenance with the last losses and collapse measures).
/// </summary>
public static class RnnGanExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("rnn-gan runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "distinctTokens", "distinct tokens per sample {0}"));

    /// <summary>Whether a run folder holds an rnn-gan checkpoint: its run config says family rnn-gan.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == RnnGanRunConfig.FamilyName;

    public static (RnnGanModel Model, RnnGanRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = RnnGanTrainer.ReadRunConfig(Path.Combine(runFolder, RnnGanTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new RnnGanModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (config.Vocabulary != RnnGanTrainer.Encoding.JointVocabularySize)
                throw new EuterpeException($"{runFolder}: the run has {config.Vocabulary} tokens, the notes encoding {RnnGanTrainer.Encoding.JointVocabularySize}");
            var metrics = RnnGanMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"RNN-GAN ({config.Hidden} LSTM units) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, RnnGanOnnxGraph.Build(model.generator), manifest, RnnGanFamily.Instance);
        }
    }

    public static ModelManifest Manifest(RnnGanRunConfig config, string id, string displayName, long step, RnnGanMetrics? metrics)
    {
        var figures = new Dictionary<string, double>();
        if (metrics is { History: [.., var last] } && metrics.Step == step)
        {
            figures["discriminatorLoss"] = Math.Round(last.DiscriminatorLoss, 6);
            figures["generatorLoss"] = Math.Round(last.GeneratorLoss, 6);
            figures["distinctTokens"] = Math.Round(last.DistinctTokens, 6);
            figures["distinctPitches"] = Math.Round(last.DistinctPitches, 6);
            figures["topTokenShare"] = Math.Round(last.TopTokenShare, 6);
        }
        var frame = config.Vocabulary + config.Noise;
        return new ModelManifest
        {
            Id = id,
            DisplayName = displayName,
            Family = RnnGanFamily.Name,
            Representation = Representations.NoteTokens,
            Vocabulary = new ManifestVocabulary { Size = config.Vocabulary, Tokens = RnnGanFamily.TokenNames() },
            Io = new ManifestIo
            {
                FrameInput = new ManifestTensor { Name = RnnGanOnnxGraph.FrameInput, Shape = [1, 1, frame] },
                FrameOutput = new ManifestTensor { Name = RnnGanOnnxGraph.FrameOutput, Shape = [1, frame] },
            },
            State = [.. RnnGanOnnxGraph.StatePairs(config.Hidden).Select(s => new ManifestStatePair { Input = s.Input, Output = s.Output, Shape = s.Shape })],
            Provenance = new ManifestProvenance
            {
                Data = config.Data,
                Steps = step,
                ValidationMetrics = figures,
                TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                    $"euterpe train rnn-gan --hidden {config.Hidden} --disc-hidden {config.DiscriminatorHidden} --embedding {config.Embedding} --noise {config.Noise} --seq-len {config.Length} --smooth {config.Smooth} --replay {config.Replay} --batch {config.Batch} --lr {config.LearningRate} --seed {config.Seed}"),
            },
        };
    }
}
