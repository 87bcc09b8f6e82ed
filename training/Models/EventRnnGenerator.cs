using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Music;
using Euterpe.Training.Export;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;

namespace Euterpe.Training.Models;

/// <summary>
/// Generates music from an event-rnn preset with ONNX Runtime: <see cref="OnnxTokenStepModel"/> + <see cref="TokenGenerator"/>,
/// starting from TIME_SHIFT_1 (or the primer's events) and sampling until the requested seconds of music, decoded with the
/// preset's <see cref="PerformanceEncoding"/>. One intra-op thread, so the same preset, options and seed give the same notes.
/// </summary>
public static class EventRnnGenerator
{
    public static bool IsFamily(string family) => family is ModelFamilies.EventRnn or ModelFamilies.ConditionalEventRnn;

    public static NoteSequence Generate(string presetFolder, EventRnnGenerationOptions options)
    {
        if (!(options.Seconds > 0) || options.Seconds > 3600) throw new EuterpeException($"--seconds: must be in (0, 3600] (got {options.Seconds})");
        var preset = PresetDirectory.Open(presetFolder);
        var manifest = preset.Manifest;
        if (!IsFamily(manifest.Family)) throw new EuterpeException($"{preset.ManifestPath}: family '{manifest.Family}' is not an event-rnn family");
        var encoding = TokenModelManifests.PerformanceEncoding(manifest, preset.ManifestPath);
        var signature = TokenModelManifests.Signature(manifest, preset.ManifestPath);
        var conditioningName = manifest.Conditioning.FirstOrDefault()?.Name;
        if (conditioningName is null && (options.Density is not null || options.Key is not null))
            throw new EuterpeException($"{presetFolder}: --density and --key need a conditional model (this preset is {manifest.Family})");
        using var session = InferenceSession.Open(preset.ModelPath, new InferenceOptions { IntraOpThreads = 1 });
        using var model = new OnnxTokenStepModel(session, signature);
        if (model.VocabularySize != encoding.VocabularySize)
            throw new EuterpeException($"{preset.ModelPath}: the model has {model.VocabularySize} logits, the encoding {encoding.VocabularySize} tokens");

        var startToken = encoding.EventToToken(PerformanceEvent.TimeShift(1));
        var generator = new TokenGenerator(model, startToken, options.Seed, new SamplingOptions(options.Temperature));
        if (model.ConditioningSize > 0) Conditioning(session, model.ConditioningSize, options, presetFolder).CopyTo(generator.Conditioning);

        var tokens = new List<int>();
        if (options.Primer is { } primer)
        {
            var primed = encoding.Encode(primer);
            generator.Prime(primed);
            tokens.AddRange(primed);
        }
        var stepsWanted = (long)Math.Ceiling(options.Seconds / encoding.Options.StepSeconds);
        var maxTokens = stepsWanted * 4 + 1000; // a model that never shifts time still stops
        long steps = 0;
        for (var i = 0; i < maxTokens && steps < stepsWanted; i++)
        {
            var token = generator.Next();
            tokens.Add(token);
            var e = encoding.TokenToEvent(token);
            if (e.Type == PerformanceEventType.TimeShift) steps += e.Value;
        }
        return encoding.Decode(tokens.ToArray(), PerformanceStreamDecoder.GenerationMaxNoteSeconds);
    }

    /// <summary>The corpus-mean controls from the model's metadata, with density and key applied.</summary>
    private static float[] Conditioning(InferenceSession session, int size, EventRnnGenerationOptions options, string presetFolder)
    {
        var values = new float[size];
        if (session.Metadata.Custom.TryGetValue(EventRnnExporter.ConditioningMeanKey, out var text))
        {
            var parts = text.Split(',');
            for (var i = 0; i < Math.Min(size, parts.Length); i++)
                values[i] = float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0f;
        }
        if (size != ConditioningFeatures.Length) return values;
        if (options.Key is { } key)
        {
            var weights = KeyHistogram(key);
            var sum = weights.Sum();
            for (var i = 0; i < 12; i++) values[i] = weights[i] / sum;
        }
        if (options.Density is { } density)
        {
            if (!(density >= 0) || double.IsInfinity(density)) throw new EuterpeException($"--density: must be a number of notes per second ≥ 0 (got {density})");
            values[12] = (float)Math.Min(1.0, density / ConditioningFeatures.MaxNotesPerSecond);
        }
        return values;
    }

    private static readonly string[] Sharps = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly string[] Flats = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];

    /// <summary>Equal weights on the seven pitch classes of a major or natural-minor scale, e.g. "C:major", "F#:minor".</summary>
    public static float[] KeyHistogram(string key)
    {
        var parts = key.Split(':');
        if (parts.Length != 2) throw new EuterpeException($"--key: expected TONIC:major or TONIC:minor such as C:major (got '{key}')");
        var tonic = Array.FindIndex(Sharps, s => string.Equals(s, parts[0], StringComparison.OrdinalIgnoreCase));
        if (tonic < 0) tonic = Array.FindIndex(Flats, s => string.Equals(s, parts[0], StringComparison.OrdinalIgnoreCase));
        int[] scale = parts[1].ToLowerInvariant() switch
        {
            "major" => [0, 2, 4, 5, 7, 9, 11],
            "minor" => [0, 2, 3, 5, 7, 8, 10],
            _ => [],
        };
        if (tonic < 0 || scale.Length == 0) throw new EuterpeException($"--key: expected TONIC:major or TONIC:minor such as C:major (got '{key}')");
        var weights = new float[12];
        foreach (var degree in scale) weights[(tonic + degree) % 12] = 1f;
        return weights;
    }
}
