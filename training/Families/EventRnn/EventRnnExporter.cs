using System.Globalization;
using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Onnx;
using Euterpe.Core.Presets;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch.Serialization;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// Turns an event-rnn run folder into a preset: model.onnx (<see cref="EventRnnOnnxGraph"/>) and manifest.json
/// (family event-rnn or conditional-event-rnn, performance events, state pairs, conditioning, provenance).
/// </summary>
public static class EventRnnExporter
{
    /// <summary>ONNX metadata key holding the corpus-mean conditioning vector (14 comma-separated normalised values).</summary>
    public const string ConditioningMeanKey = EventRnnFamily.ConditioningMeanKey;
    public const string EncodingName = TokenModelManifests.PerformanceEncodingName;
    public const string ValidationMetricName = "crossEntropyNatsPerToken";

    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("event-rnn runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), ValidationMetricName, "validation {0} nats/token"),
        (run, preset, id, name, temperature) => RunExporter.Describe(Export(run, preset, id, name, temperature), ValidationMetricName, "validation {0} nats/token"));

    /// <summary>ONNX metadata key of the sampling temperature built into the exported logits (absent: 1).</summary>
    public const string TemperatureKey = "euterpe.sampling.builtInTemperature";

    /// <summary>
    /// Whether a run folder holds an event-rnn checkpoint: its run config names no family (char-rnn's, which shares the
    /// file name and the model, says "char-rnn").
    /// </summary>
    public static bool IsRun(string runFolder) =>
        File.Exists(Path.Combine(runFolder, EventRnnTrainer.CheckpointFileName)) && RunFolder.ConfigFamily(runFolder) is null;

    /// <summary>Loads the run's final weights into a fresh model (the caller disposes it).</summary>
    public static (EventRnnModel Model, EventRnnRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var path = Path.Combine(runFolder, EventRnnTrainer.CheckpointFileName);
        var config = EventRnnTrainer.ReadRunConfig(path);
        var (model, step) = RunFolder.LoadModel(runFolder, new EventRnnModel(config.ModelConfig()));
        return (model, config, step);
    }

    /// <param name="temperature">
    /// A sampling temperature to build in: the output layer is divided by it, so sampling the preset at temperature 1
    /// (the default of `generate` and the plug-in) samples the trained model at this one. Validation figures stay the
    /// trained model's.
    /// </param>
    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null, double temperature = 1)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        if (!(temperature >= 0.1 && temperature <= 2)) throw new EuterpeException(FormattableString.Invariant($"--temperature: must be 0.1…2 (got {temperature})"));
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            if (File.Exists(presetFolder)) throw new EuterpeException($"{presetFolder}: is a file, not a folder");
            Directory.CreateDirectory(presetFolder);
            var metrics = EventRnnMetrics.TryLoad(runFolder);
            var mean = config.ConditioningMean.Length == config.ConditioningSize ? config.ConditioningMean : new float[config.ConditioningSize];
            var metadata = new List<KeyValuePair<string, string>>();
            if (config.Conditional) metadata.Add(new(ConditioningMeanKey, string.Join(",", mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            if (temperature != 1)
            {
                using (TorchSharp.torch.no_grad())
                {
                    model.output.weight.div_(temperature);
                    model.output.bias!.div_(temperature);
                }
                metadata.Add(new(TemperatureKey, temperature.ToString("R", CultureInfo.InvariantCulture)));
            }
            // The densities the model was trained on: `generate --density` refuses others (a run without them gets the family's fallback).
            if (config.LongNoteSeconds > 0)
                metadata.Add(new(EventRnnFamily.LongNoteKey, config.LongNoteSeconds.ToString("R", CultureInfo.InvariantCulture)));
            if (config.Conditional && config.KeyProfile.Length == 12 && config.PieceHistograms.Length > 0)
            {
                metadata.Add(new(EventRnnFamily.KeyProfileKey, CorpusKeys.FormatProfile(config.KeyProfile)));
                metadata.Add(new(EventRnnFamily.PieceHistogramsKey, CorpusKeys.FormatPieces(config.PieceHistograms)));
            }
            if (config.Conditional && config.DensityRange is [var low, var high])
                metadata.Add(new(EventRnnFamily.DensityRangeKey, string.Create(CultureInfo.InvariantCulture, $"{low:R},{high:R}")));
            var onnx = EventRnnOnnxGraph.Build(model, metadata);
            var modelPath = Path.Combine(presetFolder, Preset.ModelFileName);
            OnnxGraphChecks.Validate(onnx, modelPath); // a graph-building mistake is named here, before the runtime reads the file
            onnx.Save(modelPath);

            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var family = config.Conditional ? EventRnnFamily.Conditional : EventRnnFamily.Unconditional;
            var hidden = config.HiddenSize;
            var manifest = new ModelManifest
            {
                Id = presetId,
                DisplayName = displayName ?? $"Event RNN {config.Config} ({config.Layers}×{hidden}{(config.Conditional ? ", conditional" : "")}) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}",
                Family = family,
                Representation = Representations.PerformanceEvents,
                Vocabulary = new ManifestVocabulary { Size = config.VocabularySize, Encoding = new ManifestEncodingReference { Name = EncodingName, Options = TokenModelManifests.ToManifestOptions(config.Encoding) } },
                Timing = new ManifestTiming { SecondsPerStep = config.Encoding.StepSeconds },
                Io = new ManifestIo
                {
                    TokenInput = new ManifestTensor { Name = EventRnnOnnxGraph.TokenInput, ElementType = "int64", Shape = [1, 1] },
                    LogitsOutput = new ManifestTensor { Name = EventRnnOnnxGraph.LogitsOutput, ElementType = "float", Shape = [1, config.VocabularySize] },
                },
                State = [.. LstmStepNodes.StatePairs(config.Layers, hidden).Select(p => new ManifestStatePair { Input = p.Input, Output = p.Output, Shape = p.Shape })],
                Conditioning = config.Conditional
                    ? [ConditioningVectorInput.Create(EventRnnOnnxGraph.ConditioningInput,
                        "Conditioning: pitch-class histogram (12), note density / 20 per s, mean pitch / 127", mean, config.ConditioningSize, ConditioningMeanKey)]
                    : [],
                Provenance = new ManifestProvenance
                {
                    Data = config.Data,
                    Steps = step,
                    ValidationMetrics = ValidationMetrics(metrics, step),
                    TrainerVersion = $"euterpe train event-rnn --config {config.Config}{(config.Conditional ? $" --conditional --conditioning {config.ConditioningScope}" : "")} --batch {config.Batch} --seq-len {config.SequenceLength} --lr {config.LearningRate.ToString(CultureInfo.InvariantCulture)} --seed {config.Seed}" + (temperature != 1 ? FormattableString.Invariant($"; export --temperature {temperature}") : ""),
                },
            };
            manifest.Save(Path.Combine(presetFolder, Preset.ManifestFileName));
            EventRnnFamily.Instance.Check(Preset.Open(presetFolder));
            return manifest;
        }
    }

    /// <summary>Validation figures of the checkpointed step: nats per token, and per second of music and per note when known.</summary>
    private static Dictionary<string, double> ValidationMetrics(EventRnnMetrics? metrics, long step)
    {
        var result = new Dictionary<string, double>();
        if (metrics is null || metrics.Step != step || metrics.ValidationCrossEntropy is not { } ce) return result;
        result[ValidationMetricName] = Math.Round(ce, 6);
        if (metrics.ValidationNatsPerSecond is { } perSecond) result["natsPerSecond"] = Math.Round(perSecond, 4);
        if (metrics.ValidationNatsPerNote is { } perNote) result["natsPerNote"] = Math.Round(perNote, 4);
        return result;
    }

}
