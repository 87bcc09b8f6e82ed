using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Onnx;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.CharRnn;

/// <summary>
/// Turns a char-rnn run folder into a preset: model.onnx (the event RNN's single-step graph, <see cref="EventRnnOnnxGraph"/>,
/// over the ABC characters) and manifest.json (family char-rnn or conditional-char-rnn, representation abc-characters,
/// the vocabulary's tokens, state pairs, conditioning, provenance).
/// </summary>
public static class CharRnnExporter
{
    public const string Unconditional = CharRnnRunConfig.FamilyName;
    public const string Conditional = "conditional-char-rnn";

    /// <summary>ONNX metadata key holding the corpus-mean conditioning vector (14 comma-separated normalised values), as the event RNN's.</summary>
    public const string ConditioningMeanKey = EventRnnExporter.ConditioningMeanKey;
    public const string ValidationMetricName = "crossEntropyNatsPerCharacter";

    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("char-rnn runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), ValidationMetricName, "validation {0} nats/character"));

    /// <summary>Whether a run folder holds a char-rnn checkpoint: its run config says family char-rnn.</summary>
    public static bool IsRun(string runFolder) => RunFolder.ConfigFamily(runFolder) == CharRnnRunConfig.FamilyName;

    /// <summary>Loads the run's final weights into a fresh model (the caller disposes it).</summary>
    public static (EventRnnModel Model, CharRnnRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var config = CharRnnTrainer.ReadRunConfig(Path.Combine(runFolder, CharRnnTrainer.CheckpointFileName));
        var (model, step) = RunFolder.LoadModel(runFolder, new EventRnnModel(config.ModelConfig()));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (File.Exists(presetFolder)) throw new EuterpeException($"{presetFolder}: is a file, not a folder");
            Directory.CreateDirectory(presetFolder);
            var mean = config.ConditioningMean.Length == config.ConditioningSize ? config.ConditioningMean : new float[config.ConditioningSize];
            var metadata = new List<KeyValuePair<string, string>>();
            if (config.Conditional) metadata.Add(new(ConditioningMeanKey, string.Join(",", mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            var onnx = EventRnnOnnxGraph.Build(model, metadata);
            var modelPath = Path.Combine(presetFolder, Preset.ModelFileName);
            OnnxGraphChecks.Validate(onnx, modelPath); // a graph-building mistake is named here, before the runtime reads the file
            onnx.Save(modelPath);

            var manifest = Manifest(config, step, CharRnnMetrics.TryLoad(runFolder), mean,
                id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder))), displayName);
            manifest.Save(Path.Combine(presetFolder, Preset.ManifestFileName));
            Check(presetFolder);
            return manifest;
        }
    }

    private static ModelManifest Manifest(CharRnnRunConfig config, long step, CharRnnMetrics? metrics, float[] mean, string id, string? displayName) => new()
    {
        Id = id,
        DisplayName = displayName ?? $"Char-RNN {config.Config} ({config.Layers}×{config.HiddenSize}{(config.Conditional ? ", conditional" : "")}) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}",
        Family = config.Conditional ? Conditional : Unconditional,
        Representation = Representations.AbcCharacters,
        Vocabulary = new ManifestVocabulary
        {
            Size = config.VocabularySize,
            Tokens = AbcCharacterEncoding.TokenNames(),
            Encoding = new ManifestEncodingReference { Name = AbcCharacterEncoding.Name },
        },
        Io = new ManifestIo
        {
            TokenInput = new ManifestTensor { Name = EventRnnOnnxGraph.TokenInput, ElementType = "int64", Shape = [1, 1] },
            LogitsOutput = new ManifestTensor { Name = EventRnnOnnxGraph.LogitsOutput, ElementType = "float", Shape = [1, config.VocabularySize] },
        },
        State = [.. LstmStepNodes.StatePairs(config.Layers, config.HiddenSize).Select(p => new ManifestStatePair { Input = p.Input, Output = p.Output, Shape = p.Shape })],
        Conditioning = config.Conditional
            ? [ConditioningVectorInput.Create(EventRnnOnnxGraph.ConditioningInput,
                "Conditioning: the melody's pitch-class histogram (12), note density / 20 per s, mean pitch / 127", mean, config.ConditioningSize, ConditioningMeanKey)]
            : [],
        Provenance = new ManifestProvenance
        {
            Data = config.Data,
            Steps = step,
            ValidationMetrics = ValidationMetrics(metrics, step),
            TrainerVersion = $"euterpe train char-rnn --config {config.Config}{(config.Conditional ? " --conditional" : "")} --batch {config.Batch} --seq-len {config.SequenceLength} --lr {config.LearningRate.ToString(CultureInfo.InvariantCulture)} --seed {config.Seed}" + (config.Dropout > 0 ? FormattableString.Invariant($" --dropout {config.Dropout}") : ""),
        },
    };

    /// <summary>
    /// Checks the written preset as a load would: the manifest against the model's inputs and outputs always, and the
    /// family's own checks once a family that plays char-rnn presets is registered.
    /// </summary>
    private static void Check(string presetFolder)
    {
        var preset = Preset.Open(presetFolder);
        if (ModelFamilies.Names.Contains(preset.Family)) ModelFamilies.Of(preset).Check(preset);
        else preset.OpenSession().Dispose();
    }

    /// <summary>Validation figures of the checkpointed step: nats per character, and per note when known.</summary>
    private static Dictionary<string, double> ValidationMetrics(CharRnnMetrics? metrics, long step)
    {
        var result = new Dictionary<string, double>();
        if (metrics is null || metrics.Step != step || metrics.ValidationCrossEntropy is not { } ce) return result;
        result[ValidationMetricName] = Math.Round(ce, 6);
        if (metrics.ValidationNatsPerNote is { } perNote) result["natsPerNote"] = Math.Round(perNote, 4);
        return result;
    }
}
