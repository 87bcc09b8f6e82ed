using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqGan;

/// <summary>
/// Turns a seqgan run folder into a preset, written atomically: model.onnx (the generator's step,
/// <see cref="SeqGanOnnxGraph"/>), manifest.json (family seqgan, note-tokens with the scheme's token names and the
/// start symbol, token in and logits out, the LSTM's state pairs, provenance with BLEU and held-out NLL) and, for the
/// "ngram" scheme, the run's n-gram model as <see cref="SeqGanFamily.DurationsFileName"/>.
/// </summary>
public static class SeqGanExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("seqgan runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "bleu", "BLEU {0}"));

    /// <summary>Whether a run folder holds a seqgan checkpoint: its run config says family seqgan.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == SeqGanRunConfig.FamilyName;

    public static (SeqGanModel Model, SeqGanRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = SeqGanTrainer.ReadRunConfig(Path.Combine(runFolder, SeqGanTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new SeqGanModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (config.Vocabulary != SeqGanTokens.Count(config.Durations))
                throw new EuterpeException($"{runFolder}: the run has {config.Vocabulary} tokens, the \"{config.Durations}\" scheme {SeqGanTokens.Count(config.Durations)}");
            var durations = Path.Combine(runFolder, SeqGanFamily.DurationsFileName);
            if (config.Durations == SeqGanTokens.NGram && !File.Exists(durations))
                throw new EuterpeException($"{durations}: file not found (the n-gram model an \"ngram\" run draws its durations from)");
            var metrics = SeqGanMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"SeqGAN ({config.Hidden} LSTM units, {config.Durations} durations) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, SeqGanOnnxGraph.Build(model.generator), manifest, SeqGanFamily.Instance, temp =>
            {
                if (config.Durations == SeqGanTokens.NGram) File.Copy(durations, Path.Combine(temp, SeqGanFamily.DurationsFileName));
            });
        }
    }

    public static ModelManifest Manifest(SeqGanRunConfig config, string id, string displayName, long step, SeqGanMetrics? metrics)
    {
        var figures = new Dictionary<string, double>();
        if (metrics is not null && metrics.Step == step)
        {
            void Put(string name, double? value)
            {
                if (value is { } x) figures[name] = Math.Round(x, 6);
            }
            Put("bleu", metrics.Bleu);
            Put("pretrainBleu", metrics.PretrainBleu);
            Put("validationNll", metrics.ValidationNll);
            Put("natsPerNote", metrics.ValidationNatsPerNote);
            Put("discriminatorLoss", metrics.DiscriminatorLoss);
        }
        var tokens = config.Vocabulary + 1;
        return new ModelManifest
        {
            Id = id,
            DisplayName = displayName,
            Family = SeqGanFamily.Name,
            Representation = Representations.NoteTokens,
            Vocabulary = new ManifestVocabulary { Size = tokens, Tokens = SeqGanTokens.Names(config.Durations) },
            Io = new ManifestIo
            {
                TokenInput = new ManifestTensor { Name = SeqGanOnnxGraph.TokenInput, ElementType = "int64", Shape = [1, 1] },
                LogitsOutput = new ManifestTensor { Name = SeqGanOnnxGraph.LogitsOutput, ElementType = "float", Shape = [1, tokens] },
            },
            State = [.. SeqGanOnnxGraph.StatePairs(config.Hidden).Select(s => new ManifestStatePair { Input = s.Input, Output = s.Output, Shape = s.Shape })],
            Provenance = new ManifestProvenance
            {
                Data = config.Data,
                Steps = step,
                ValidationMetrics = figures,
                TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                    $"euterpe train seqgan --durations {config.Durations} --hidden {config.Hidden} --embedding {config.Embedding} --filters {config.Filters} --dropout {config.Dropout} --seq-len {config.Length} --rollouts {config.Rollouts} --rollout-keep {config.RolloutKeep} --disc-steps {config.DiscriminatorSteps} --pretrain-steps {config.PretrainSteps} --disc-pretrain-steps {config.DiscriminatorPretrainSteps} --batch {config.Batch} --lr {config.LearningRate} --disc-lr {config.DiscriminatorLearningRate} --seed {config.Seed}"),
            },
        };
    }
}
