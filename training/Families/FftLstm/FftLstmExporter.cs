using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Audio;
using Euterpe.Core.Families;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Presets;
using Euterpe.Training.Data;
using Euterpe.Training.Export;
using Euterpe.Training.Runs;
using Euterpe.Training.Torch.Serialization;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Turns an fft-lstm run folder into a raw-audio preset, written atomically: model.onnx (<see cref="FftLstmOnnxGraph"/>),
/// manifest.json (family fft-lstm, fft-frames, audio framing, state pairs, provenance with the validation MSE) and
/// seed.wav, 8 s of held-out audio (decoded from the cache's validation frames) to start generation from.
/// </summary>
public static class FftLstmExporter
{
    public const string ValidationMetricName = "mseNormalisedFrames";

    /// <summary>Seconds of held-out audio kept as seed.wav.</summary>
    public const double SeedSeconds = 8;

    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("fft-lstm runs with checkpoint.safetensors", IsRun,
        (run, preset, id, name) => RunExporter.Describe(Export(run, preset, id, name), ValidationMetricName, "validation MSE {0}"));

    /// <summary>Whether a run folder holds an fft-lstm checkpoint (an event-rnn checkpoint has the same file name).</summary>
    public static bool IsRun(string runFolder)
    {
        var path = Path.Combine(runFolder, FftLstmTrainer.CheckpointFileName);
        if (!File.Exists(path)) return false;
        try
        {
            FftLstmTrainer.ReadRunConfig(path);
            return true;
        }
        catch (EuterpeException)
        {
            return false;
        }
    }

    public static (FftLstmModel Model, FftLstmRunConfig Config, long Step) LoadRun(string runFolder)
    {
        var path = Path.Combine(runFolder, FftLstmTrainer.CheckpointFileName);
        var config = FftLstmTrainer.ReadRunConfig(path);
        var (model, step) = RunFolder.LoadModel(runFolder, new FftLstmModel(config.ModelConfig()));
        return (model, config, step);
    }

    public static ModelManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
        var (model, config, step) = LoadRun(runFolder);
        using (model)
        {
            var metrics = FftLstmMetrics.TryLoad(runFolder);
            var seed = SeedAudio(config);
            var presetId = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder)));
            var manifest = Manifest(model.Config, config, presetId, model.LevelBins,
                displayName ?? $"FFT-LSTM {config.Arch} {config.Config} trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(config.Data))}", step, metrics);
            return OnnxPresetFolder.Write(presetFolder, FftLstmOnnxGraph.Build(model, []), manifest, FftLstmFamily.Instance, temp =>
            {
                if (seed.Length > 0) WavFile.Write(Path.Combine(temp, AudioFramePreset.SeedFileName), AudioBuffer.Mono(config.SampleRate, seed), WavSampleFormat.Pcm16);
            });
        }
    }

    public static ModelManifest Manifest(FftLstmConfig model, FftLstmRunConfig run, string id, FrameLevelBins? levels, string displayName, long step, FftLstmMetrics? metrics) => new()
    {
        Id = id,
        DisplayName = displayName,
        Family = FftLstmFamily.Name,
        Representation = Representations.FftFrames,
        Audio = new ManifestAudio
        {
            SampleRate = run.SampleRate, FrameLayout = run.FrameLayout, FrameSize = run.FrameLength, Hop = run.Hop,
            Levels = levels is { } l ? new ManifestFrameLevels { Bins = l.Count, LowDb = Math.Round(l.LowDb, 4), StepDb = Math.Round(l.StepDb, 5) } : null,
        },
        Io = new ManifestIo
        {
            FrameInput = new ManifestTensor { Name = FftLstmOnnxGraph.FrameInput, Shape = [1, 1, model.FrameSize] },
            FrameOutput = new ManifestTensor { Name = FftLstmOnnxGraph.FrameOutput, Shape = [1, model.FrameSize] },
            LevelOutput = levels is null ? null : new ManifestTensor { Name = FftLstmOnnxGraph.LevelOutput, Shape = [1, model.LevelClasses] },
        },
        State = [.. FftLstmOnnxGraph.StatePairs(model).Select(s => new ManifestStatePair { Input = s.Input, Output = s.Output, Shape = s.Shape })],
        Provenance = new ManifestProvenance
        {
            Data = run.Data,
            Steps = step,
            ValidationMetrics = ValidationMetrics(metrics, step),
            TrainerVersion = string.Create(CultureInfo.InvariantCulture,
                $"euterpe train fft-lstm --arch {run.Arch} --config {run.Config} --batch {run.Batch} --seq-len {run.SequenceLength} --lr {run.LearningRate} --l2 {run.WeightDecay} --seed {run.Seed}{(run.InputNoise > 0 ? $" --input-noise {run.InputNoise}" : "")}{(run.LevelClasses > 0 ? $" --level-classes {run.LevelClasses}" : "")}"),
        },
    };

    public const string LevelMetricName = "levelCrossEntropy";

    private static Dictionary<string, double> ValidationMetrics(FftLstmMetrics? metrics, long step)
    {
        var values = new Dictionary<string, double>();
        if (metrics is null || metrics.Step != step) return values;
        if (metrics.ValidationMse is { } mse) values[ValidationMetricName] = Math.Round(mse, 6);
        if (metrics.ValidationLevelCrossEntropy is { } level) values[LevelMetricName] = Math.Round(level, 6);
        return values;
    }

    /// <summary><see cref="SeedSeconds"/> of the first held-out file (else the first training file) from where its music starts, decoded from the cache.</summary>
    private static float[] SeedAudio(FftLstmRunConfig config)
    {
        if (!File.Exists(Path.Combine(config.Data, AudioFrameCache.ManifestName))) return [];
        // Only the split the seed comes from is read: the training frames can be large.
        var split = AudioFrameCache.LoadSplit(config.Data, "validation", config.FrameSize);
        if (split.FileCount == 0) split = AudioFrameCache.LoadSplit(config.Data, "train", config.FrameSize);
        if (split.FileCount == 0) return [];
        var codec = AudioFramePreset.CreateCodec(config.FrameLayout, config.FrameLength, config.Hop);
        var frames = split.FileFrames(0);
        var audio = codec.DecodeFlat(split.Frames.AsSpan((int)(split.Offsets[0] * split.FrameSize), frames * split.FrameSize));
        // Songs often open with silence, which would seed the model with nothing: start where the music does (−40 dBFS).
        var start = Math.Max(0, Array.FindIndex(audio, v => Math.Abs(v) > 0.01f));
        var length = Math.Min(audio.Length - start, (int)(SeedSeconds * config.SampleRate));
        return audio.AsSpan(start, length).ToArray();
    }
}
