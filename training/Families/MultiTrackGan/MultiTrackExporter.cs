using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.MultiTrackGan;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.MultiTrackGan;

/// <summary>
/// Turns a wgan-gp run folder into a preset, written atomically: model.onnx (the generator, <see cref="MultiTrackOnnxGraph"/>)
/// and manifest.json (family wgan-gp, representation piano-roll, the grid, the 17 tracks with their General MIDI
/// program and channel (<see cref="MultiTrackGanFamily.DefaultTracks"/>), threshold and latent size, provenance with the last losses and
/// the critic's last held-out scores).
/// </summary>
public static class MultiTrackExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("wgan-gp runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), "generatorLoss", "generator loss {0}"),
        ExportAtThreshold: (run, preset, id, name, threshold) => RunExporter.Describe(Export(run, preset, id, name, threshold), "generatorLoss", "generator loss {0}"));

    /// <summary>Whether a run folder holds a multi-track WGAN-GP checkpoint: its run config says family wgan-gp.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) is MultiTrackRunConfig.FamilyName;

    public static (MultiTrackGanModel Model, MultiTrackRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = MultiTrackTrainer.ReadRunConfig(Path.Combine(runFolder, MultiTrackTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new MultiTrackGanModel(config));
        return (model, config, step);
    }

    /// <param name="threshold">The preset's threshold in place of the run's (a cell above it sounds); it changes nothing
    /// the run trained, only how the player reads the clips.</param>
    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null, double? threshold = null)
    {
        if (threshold is { } t && !(t is > 0 and < 1)) throw new EuterpeException(FormattableString.Invariant($"--threshold {t}: must be above 0 and below 1"));
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            var metrics = MultiTrackMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"Multi-track WGAN-GP trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            if (threshold is { } level) manifest.PianoRoll!.Threshold = level;
            return OnnxPresetFolder.Write(presetFolder, MultiTrackOnnxGraph.Build(model.generator), manifest, MultiTrackGanFamily.Instance);
        }
    }

    public static ModelManifest Manifest(MultiTrackRunConfig config, string id, string displayName, long step, MultiTrackMetrics? metrics)
    {
        var figures = metrics is { History: [.., var last] } && metrics.Step == step
            ? PianoRollManifests.Figures(("criticLoss", last.DiscriminatorLoss), ("generatorLoss", last.GeneratorLoss), ("realScore", last.RealProbability),
                ("fakeScore", last.FakeProbability), ("realOnShare", last.RealOnShare), ("fakeOnShare", last.FakeOnShare))
            : [];
        if (metrics is { HeldOut: [.., var held] } && metrics.Step == step && held.Step == step)
            foreach (var (name, value) in PianoRollManifests.Figures(("heldOutScore", held.HeldOutScore), ("trainScore", held.TrainScore),
                ("generatedScore", held.GeneratedScore), ("heldOutWasserstein", held.HeldOutWasserstein)))
                figures[name] = value;
        var io = new ManifestIo
        {
            FrameInput = new ManifestTensor { Name = MultiTrackOnnxGraph.LatentInput, Shape = [1, config.Latent] },
            FrameOutput = new ManifestTensor { Name = MultiTrackOnnxGraph.ClipOutput, Shape = [1, MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches] },
        };
        var grid = new ManifestPianoRoll
        {
            StepsPerBeat = MultiTrackEncoding.StepsPerBeat, BeatsPerClip = MultiTrackEncoding.BeatsPerClip, Pitches = MultiTrackEncoding.Pitches,
            MaxValue = 1, Threshold = config.Threshold, Latent = config.Latent, Tracks = MultiTrackGanFamily.DefaultTracks(),
        };
        return PianoRollManifests.Build(id, displayName, MultiTrackGanFamily.Name, io, grid, config.Data, step, figures, string.Create(CultureInfo.InvariantCulture,
            $"euterpe train wgan-gp --latent {config.Latent} --critic-steps {config.CriticSteps} --penalty {config.Penalty} --decay {config.Decay} --decay-epochs {config.DecayEpochs} --threshold {config.Threshold} --batch {config.Batch} --lr {config.GeneratorLearningRate} --critic-lr {config.CriticLearningRate} --seed {config.Seed}"));
    }
}
