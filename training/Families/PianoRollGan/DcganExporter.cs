using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.PianoRollGan;

/// <summary>
/// Turns a dcgan or iwgan run folder into a preset, written atomically: model.onnx (the generator, <see cref="DcganOnnxGraph"/>)
/// and manifest.json (family dcgan or iwgan, representation piano-roll, the grid, value range, threshold and latent size,
/// provenance with the last losses).
/// </summary>
public static class DcganExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("dcgan and iwgan runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "generatorLoss", "generator loss {0}"));

    /// <summary>Whether a run folder holds a piano-roll GAN checkpoint: its run config says family dcgan or iwgan.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) is DcganRunConfig.FamilyName or DcganRunConfig.IwganName;

    public static (DcganModel Model, DcganRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = DcganTrainer.ReadRunConfig(Path.Combine(runFolder, DcganTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new DcganModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            var metrics = DcganMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"Piano-roll {(config.Family == DcganRunConfig.IwganName ? "IWGAN" : "DCGAN")} trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, DcganOnnxGraph.Build(model.generator), manifest, PianoRollGanFamily.Instance);
        }
    }

    public static ModelManifest Manifest(DcganRunConfig config, string id, string displayName, long step, DcganMetrics? metrics)
    {
        var figures = metrics is { History: [.., var last] } && metrics.Step == step
            ? PianoRollManifests.Figures(("discriminatorLoss", last.DiscriminatorLoss), ("generatorLoss", last.GeneratorLoss),
                ("realProbability", last.RealProbability), ("fakeProbability", last.FakeProbability), ("fakeOnShare", last.FakeOnShare))
            : [];
        var io = new ManifestIo
        {
            FrameInput = new ManifestTensor { Name = DcganOnnxGraph.LatentInput, Shape = [1, config.Latent] },
            FrameOutput = new ManifestTensor { Name = DcganOnnxGraph.RollOutput, Shape = [1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches] },
        };
        var grid = new ManifestPianoRoll
        {
            StepsPerBeat = PianoRollEncoding.StepsPerBeat, BeatsPerClip = PianoRollEncoding.BeatsPerClip, Pitches = PianoRollEncoding.Pitches,
            MaxValue = PianoRollEncoding.MaxValue, Threshold = config.Threshold, Latent = config.Latent,
        };
        return PianoRollManifests.Build(id, displayName, config.Family, io, grid, config.Data, step, figures, string.Create(CultureInfo.InvariantCulture,
            $"euterpe train {config.Family} --latent {config.Latent} {(config.Family == DcganRunConfig.IwganName ? $"--critic-steps {config.CriticSteps} --penalty {config.Penalty}" : $"--dropout {config.Dropout}")} --threshold {config.Threshold} --batch {config.Batch} --lr {config.GeneratorLearningRate} --disc-lr {config.DiscriminatorLearningRate} --seed {config.Seed}"));
    }
}
