using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.SeqAe;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.SeqAe;

/// <summary>
/// Turns a seq-ae run folder into a preset, written atomically: model.onnx (the binary decoder's step,
/// <see cref="SeqAeOnnxGraph"/>) and manifest.json (family seq-ae, note-tokens with the joint tokens' names, the frame
/// in and out, the LSTM's state pairs, provenance with the code's bits, the subsequence length, the held-out
/// reconstruction losses and the measured mean flips, the generator's default walk rate).
/// </summary>
public static class SeqAeExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("seq-ae runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), SeqAeFamily.MeanFlipsMetric, "mean flips per subsequence {0}"));

    /// <summary>Whether a run folder holds a seq-ae checkpoint: its run config says family seq-ae.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == SeqAeRunConfig.FamilyName;

    public static (SeqAeModel Model, SeqAeRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = SeqAeTrainer.ReadRunConfig(Path.Combine(runFolder, SeqAeTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new SeqAeModel(config));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (config.Vocabulary != SeqAeTrainer.Encoding.JointVocabularySize)
                throw new EuterpeException($"{runFolder}: the run has {config.Vocabulary} tokens, the notes encoding {SeqAeTrainer.Encoding.JointVocabularySize}");
            var metrics = SeqAeMetrics.TryLoad(runFolder);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(config, presetId,
                displayName ?? $"SeqAE ({config.CodeBits}-bit codes, {config.Hidden} LSTM units) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}",
                step, metrics?.Step == step ? metrics.HeldOut : null);
            return OnnxPresetFolder.Write(presetFolder, SeqAeOnnxGraph.Build(model.binary_decoder), manifest, SeqAeFamily.Instance);
        }
    }

    /// <param name="heldOut">The held-out measures at the exported step; without them the walk rate defaults to one bit.</param>
    public static ModelManifest Manifest(SeqAeRunConfig config, string id, string displayName, long step, SeqAeMeasures? heldOut)
    {
        var figures = new Dictionary<string, double>
        {
            [SeqAeFamily.CodeBitsMetric] = config.CodeBits,
            [SeqAeFamily.SubsequenceMetric] = config.Length,
        };
        if (heldOut is not null)
        {
            figures["reconstruction"] = Math.Round(heldOut.Reconstruction, 6);
            figures["binaryReconstruction"] = Math.Round(heldOut.BinaryReconstruction, 6);
            figures[SeqAeFamily.MeanFlipsMetric] = Math.Round(heldOut.MeanHamming, 6);
        }
        return new ModelManifest
        {
            Id = id,
            DisplayName = displayName,
            Family = SeqAeFamily.Name,
            Representation = Representations.NoteTokens,
            Vocabulary = new ManifestVocabulary { Size = config.Vocabulary, Tokens = SeqAeFamily.TokenNames() },
            Io = new ManifestIo
            {
                FrameInput = new ManifestTensor { Name = SeqAeOnnxGraph.FrameInput, Shape = [1, 1, config.Vocabulary + config.CodeBits] },
                FrameOutput = new ManifestTensor { Name = SeqAeOnnxGraph.FrameOutput, Shape = [1, config.Vocabulary] },
            },
            State = [.. SeqAeOnnxGraph.StatePairs(config.Hidden).Select(s => new ManifestStatePair { Input = s.Input, Output = s.Output, Shape = s.Shape })],
            Provenance = new ManifestProvenance
            {
                Data = config.Data,
                Steps = step,
                ValidationMetrics = figures,
                TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                    $"euterpe train seq-ae --hidden {config.Hidden} --embedding {config.Embedding} --code-bits {config.CodeBits} --seq-len {config.Length} --chunks {config.Chunks} --continuity {config.Continuity} --quantisation {config.Quantisation} --warmup {config.Warmup} --batch {config.Batch} --lr {config.LearningRate} --seed {config.Seed}"),
            },
        };
    }
}
