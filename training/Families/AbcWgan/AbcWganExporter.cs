using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.AbcWgan;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// Turns an abc-wgan run folder into a preset, written atomically: model.onnx (the generator's step,
/// <see cref="AbcWganOnnxGraph"/>) and manifest.json (family abc-wgan, abc-characters with the dialect's tokens, the
/// distribution in and out as frame input and output, the GRU state pair, provenance with the last Wasserstein
/// estimates).
/// </summary>
public static class AbcWganExporter
{
    public const string ValidationMetricName = "validationWasserstein";

    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("abc-wgan runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), ValidationMetricName, "validation Wasserstein estimate {0}"));

    /// <summary>Whether a run folder holds an abc-wgan checkpoint: its run config says family abc-wgan.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == AbcWganRunConfig.FamilyName;

    public static (AbcWganModel Model, AbcWganRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = AbcWganTrainer.ReadRunConfig(Path.Combine(runFolder, AbcWganTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new AbcWganModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (config.Vocabulary != AbcCharacterEncoding.VocabularySize)
                throw new EuterpeException($"{runFolder}: the run has {config.Vocabulary} characters, the ABC character dialect {AbcCharacterEncoding.VocabularySize}");
            var metrics = AbcWganMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"ABC GRU WGAN ({config.Hidden} units) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, AbcWganOnnxGraph.Build(model.generator), manifest, AbcWganFamily.Instance);
        }
    }

    public static ModelManifest Manifest(AbcWganRunConfig config, string id, string displayName, long step, AbcWganMetrics? metrics)
    {
        var state = AbcWganOnnxGraph.StatePair(config.Hidden);
        var figures = new Dictionary<string, double>();
        if (metrics is { History: [.., var last] } && metrics.Step == step)
        {
            figures["wasserstein"] = Math.Round(last.Wasserstein, 6);
            if (last.ValidationWasserstein is { } w) figures[ValidationMetricName] = Math.Round(w, 6);
        }
        return new ModelManifest
        {
            Id = id,
            DisplayName = displayName,
            Family = AbcWganFamily.Name,
            Representation = Representations.AbcCharacters,
            Vocabulary = new ManifestVocabulary { Size = config.Vocabulary, Tokens = AbcCharacterEncoding.TokenNames() },
            Io = new ManifestIo
            {
                FrameInput = new ManifestTensor { Name = AbcWganOnnxGraph.DistributionInput, Shape = [1, 1, config.Vocabulary] },
                FrameOutput = new ManifestTensor { Name = AbcWganOnnxGraph.DistributionOutput, Shape = [1, config.Vocabulary] },
            },
            State = [new ManifestStatePair { Input = state.Input, Output = state.Output, Shape = state.Shape }],
            Provenance = new ManifestProvenance
            {
                Data = config.Data,
                Steps = step,
                ValidationMetrics = figures,
                TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                    $"euterpe train abc-wgan --hidden {config.Hidden} --critic-hidden {config.CriticHidden} --embedding {config.Embedding} --max-length {config.MaxLength} --curriculum {config.Curriculum} --critic-steps {config.CriticSteps} --teacher {config.TeacherFraction} --lambda {config.GradientPenalty} --batch {config.Batch} --lr {config.LearningRate} --seed {config.Seed}"),
            },
        };
    }
}
