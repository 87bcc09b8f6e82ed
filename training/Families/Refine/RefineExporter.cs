using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.Refine;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// Turns a refine-net run folder into a preset, written atomically: model.onnx (<see cref="RefineOnnxGraph"/>) and
/// manifest.json (family refine-duration or refine-velocity, representation note-features, the features in and the
/// correction out, the LSTM's state pairs, provenance with the held-out measures). `euterpe refine` reads it
/// (<see cref="NoteRefiner"/>); the generators do not.
/// </summary>
public static class RefineExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("refine-duration and refine-velocity runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "validationLoss", "held-out mean squared error {0}"));

    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) is { } family && RefineNetKinds.FromFamily(family) is not null;

    public static (RefineModel Model, RefineRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = RefineTrainer.ReadRunConfig(Path.Combine(runFolder, RefineTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new RefineModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            var metrics = RefineMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var what = config.Kind == RefineNetKind.Duration ? "duration refine net" : "velocity refine net";
            var manifest = Manifest(config, presetId,
                displayName ?? $"{what} ({config.Hidden} LSTM units) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step,
                metrics?.Step == step ? metrics.Measures : null);
            return OnnxPresetFolder.Write(presetFolder, RefineOnnxGraph.Build(model), manifest, preset => NoteRefiner.Open(preset.Folder, config.Kind).Dispose());
        }
    }

    public static ModelManifest Manifest(RefineRunConfig config, string id, string displayName, long step, RefineMeasures? measures)
    {
        var figures = new Dictionary<string, double>();
        void Put(string name, double? value)
        {
            if (value is { } v && double.IsFinite(v)) figures[name] = Math.Round(v, 6);
        }
        if (measures is not null)
        {
            Put("validationLoss", measures.Loss);
            Put("stretchedLengthError", measures.StretchedLengthError);
            Put("refinedLengthError", measures.RefinedLengthError);
            Put("stretchedLengthsWithin5", measures.StretchedLengthsWithin5);
            Put("refinedLengthsWithin5", measures.RefinedLengthsWithin5);
            Put("stretchedGapError", measures.StretchedGapError);
            Put("refinedGapError", measures.RefinedGapError);
            Put("velocityCorrelation", measures.VelocityCorrelation);
            Put("velocityCorrelationWithinParts", measures.VelocityCorrelationWithinParts);
            Put("velocityMeanAbsoluteError", measures.VelocityMeanAbsoluteError);
            Put("partMeanVelocityError", measures.PartMeanVelocityError);
        }
        var kind = config.Kind;
        return new ModelManifest
        {
            Id = id,
            DisplayName = displayName,
            Family = config.Family,
            Representation = Representations.NoteFeatures,
            Io = new ManifestIo
            {
                FrameInput = new ManifestTensor { Name = RefineOnnxGraph.FrameInput, Shape = [1, 1, kind.Inputs()] },
                FrameOutput = new ManifestTensor { Name = RefineOnnxGraph.FrameOutput, Shape = [1, kind.Outputs()] },
            },
            State = [.. LstmStepNodes.StatePairs(config.Layers, config.Hidden).Select(s => new ManifestStatePair { Input = s.Input, Output = s.Output, Shape = s.Shape })],
            Provenance = new ManifestProvenance
            {
                Data = config.Data,
                Steps = step,
                ValidationMetrics = figures,
                TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                    $"euterpe train {config.Family} --hidden {config.Hidden} --layers {config.Layers} --seq-len {config.Length}{(kind == RefineNetKind.Duration ? $" --stretch {config.Stretch}" : "")} --batch {config.Batch} --lr {config.LearningRate} --seed {config.Seed}"),
            },
        };
    }
}
