using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Presets;
using Euterpe.Training.Data;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>
/// Turns a dcrnn run folder into a preset, written atomically: model.onnx (the generator, <see cref="DcrnnOnnxGraph"/>)
/// and manifest.json (family dcrnn, representation piano-roll, the 24-steps-a-beat grid the graph writes, value range,
/// threshold, z size and the pitch-class histograms of training clips that seeds without a key start from; provenance
/// with the last losses). The run's training data must still be where it was trained from.
/// </summary>
public static class DcrnnExporter
{
    /// <summary>Most training clips' histograms a manifest keeps (spread evenly over the training clips).</summary>
    public const int MaxHistograms = 256;

    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("dcrnn runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "generatorLoss", "generator loss {0}"));

    /// <summary>Whether a run folder holds a dcrnn checkpoint: its run config says family dcrnn.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == DcrnnRunConfig.FamilyName;

    public static (DcrnnModel Model, DcrnnRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = DcrnnTrainer.ReadRunConfig(Path.Combine(runFolder, DcrnnTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new DcrnnModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            model.eval();
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId, displayName ?? $"DCRNN trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step,
                DcrnnMetrics.TryLoad(runFolder), TrainingHistograms(config));
            return OnnxPresetFolder.Write(presetFolder, DcrnnOnnxGraph.Build(model.generator), manifest, DcrnnFamily.Instance);
        }
    }

    /// <summary>
    /// The pitch-class histograms (as the trainer conditions on them, rounded to 4 decimals) of up to
    /// <see cref="MaxHistograms"/> training clips that play a note, read from the run's data with its split.
    /// </summary>
    public static List<double[]> TrainingHistograms(DcrnnRunConfig config)
    {
        if (!Directory.Exists(config.Data) && !File.Exists(config.Data))
            throw new EuterpeException($"{config.Data}: the run's training data is gone; export reads its clips' pitch-class histograms");
        using var data = PianoRollDataset.Open(config.Data, config.ValidationFraction, config.Seed);
        var clips = data.Train;
        var cells = new byte[PianoRollEncoding.CellsPerClip];
        var roll = new float[DcrnnBatches.CellsPerClip];
        var histogram = new float[DcrnnGrid.PitchClasses];
        var result = new List<double[]>();
        var count = Math.Min(MaxHistograms, clips.Count);
        for (var i = 0; i < count; i++)
        {
            clips.Read((int)((long)i * clips.Count / count), cells);
            DcrnnBatches.Downsample(cells, roll);
            if (!roll.Any(v => v > 0)) continue;
            DcrnnBatches.Histogram(roll, histogram);
            result.Add([.. histogram.Select(v => Math.Round(v, 4))]);
        }
        return result;
    }

    public static ModelManifest Manifest(DcrnnRunConfig config, string id, string displayName, long step, DcrnnMetrics? metrics,
        List<double[]>? histograms = null)
    {
        var figures = metrics is { History: [.., var last] } && metrics.Step == step
            ? PianoRollManifests.Figures(("criticLoss", last.CriticLoss), ("generatorLoss", last.GeneratorLoss), ("realScore", last.RealScore),
                ("fakeScore", last.FakeScore), ("fakeOnShare", last.FakeOnShare))
            : [];
        var io = new ManifestIo
        {
            FrameInput = new ManifestTensor { Name = DcrnnOnnxGraph.LatentInput, Shape = [1, config.Latent] },
            HistogramInput = new ManifestTensor { Name = DcrnnOnnxGraph.HistogramInput, Shape = [1, DcrnnGrid.PitchClasses] },
            FrameOutput = new ManifestTensor { Name = DcrnnOnnxGraph.RollOutput, Shape = [1, PianoRollEncoding.Steps, PianoRollEncoding.Pitches] },
        };
        var grid = new ManifestPianoRoll
        {
            StepsPerBeat = PianoRollEncoding.StepsPerBeat, BeatsPerClip = PianoRollEncoding.BeatsPerClip, Pitches = PianoRollEncoding.Pitches,
            MaxValue = PianoRollEncoding.MaxValue, Threshold = config.Threshold, Latent = config.Latent,
            Histograms = histograms is { Count: > 0 } ? histograms : null,
        };
        return PianoRollManifests.Build(id, displayName, DcrnnFamily.Name, io, grid, config.Data, step, figures, string.Create(CultureInfo.InvariantCulture,
            $"euterpe train dcrnn --latent {config.Latent} --structure {config.Structure} --structure-hidden {config.StructureHidden} --note-hidden {config.NoteHidden} --critic-steps {config.CriticSteps} --penalty {config.Penalty} --threshold {config.Threshold} --batch {config.Batch} --lr {config.GeneratorLearningRate} --critic-lr {config.CriticLearningRate} --seed {config.Seed}"));
    }
}
