using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Turns a pix2pix run folder into a preset, written atomically: model.onnx (the U-Net in eval mode,
/// <see cref="Pix2PixOnnxGraph"/>) and manifest.json (family pix2pix, representation piano-roll, the crop's grid of 8
/// steps a beat, the threshold, "latent" the facade's 2 channels, provenance with the last losses and held-out fill scores).
/// </summary>
public static class Pix2PixExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("pix2pix runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "filledF1", "held-out whole-roll cell F1 {0}"));

    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == Pix2PixRunConfig.FamilyName;

    public static (Pix2PixModel Model, Pix2PixRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = Pix2PixTrainer.ReadRunConfig(Path.Combine(runFolder, RunFolder.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new Pix2PixModel());
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            model.eval();
            var metrics = Pix2PixMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"Pix2Pix clip filler trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, Pix2PixOnnxGraph.Build(model.generator), manifest, Pix2PixFamily.Instance);
        }
    }

    public static ModelManifest Manifest(Pix2PixRunConfig config, string id, string displayName, long step, Pix2PixMetrics? metrics)
    {
        var figures = metrics is { History: [.., var last] } && metrics.Step == step
            ? PianoRollManifests.Figures(("discriminatorLoss", last.DiscriminatorLoss), ("generatorLoss", last.GeneratorLoss), ("l1", last.L1),
                ("fillF1", last.FillF1), ("fillPrecision", last.FillPrecision), ("fillRecall", last.FillRecall),
                ("filledF1", last.FilledF1), ("facadeF1", last.FacadeF1))
            : [];
        var io = new ManifestIo
        {
            FrameInput = new ManifestTensor { Name = Pix2PixOnnxGraph.FacadeInput, Shape = [1, Pix2PixGrid.InputChannels, Pix2PixGrid.Steps, Pix2PixGrid.Pitches] },
            FrameOutput = new ManifestTensor { Name = Pix2PixOnnxGraph.RollOutput, Shape = [1, Pix2PixGrid.Steps, Pix2PixGrid.Pitches] },
        };
        // "latent" holds the facade's channels: the model has no z.
        var grid = new ManifestPianoRoll
        {
            StepsPerBeat = Pix2PixGrid.StepsPerBeat, BeatsPerClip = Pix2PixGrid.BeatsPerClip, Pitches = Pix2PixGrid.Pitches,
            MaxValue = 1, Threshold = config.Threshold, Latent = Pix2PixGrid.InputChannels,
        };
        return PianoRollManifests.Build(id, displayName, Pix2PixRunConfig.FamilyName, io, grid, config.Data, step, figures, string.Create(CultureInfo.InvariantCulture,
            $"euterpe train pix2pix --note-drop {config.NoteDrop} --bar-chance {config.BarChance} --l1-weight {config.L1Weight} --threshold {config.Threshold} --batch {config.Batch} --lr {config.LearningRate} --seed {config.Seed}"));
    }
}
