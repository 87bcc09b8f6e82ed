using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Inference;
using Euterpe.Core.Inference.Generators;
using Euterpe.Core.Inference.Manifests;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// Opens a preset folder as an <see cref="INoteGenerator"/>: checks the manifest against model.onnx, then
/// builds the family's generator. Supported now: ONNX token models of representation "performance-events".
/// Every problem is one <c>FILE: problem</c> <see cref="EuterpeException"/>. Runs on the worker thread.
/// </summary>
public static class GeneratorFactory
{
    public static INoteGenerator Open(string presetPath)
    {
        // The family decides what else the folder must hold, so the manifest is read first.
        var manifestPath = Path.Combine(presetPath, PresetDirectory.ManifestFileName);
        var family = ModelManifest.Load(manifestPath);
        if (family.Representation != Representations.PerformanceEvents)
            throw new EuterpeException($"{manifestPath}: representation \"{family.Representation}\" (family \"{family.Family}\") is not playable by the instrument yet; it plays \"{Representations.PerformanceEvents}\" token models");
        var preset = PresetDirectory.Open(presetPath);
        var manifest = preset.Manifest;
        preset.CheckModel();
        var encoding = PerformanceEncodingFrom(manifest, preset.ManifestPath);
        var signature = SignatureFrom(manifest, preset.ManifestPath);
        OnnxTokenStepModel model;
        try
        {
            model = OnnxTokenStepModel.Open(preset.ModelPath, signature);
        }
        catch (ArgumentException e)
        {
            throw new EuterpeException($"{preset.ModelPath}: {e.Message}", inner: e);
        }
        try
        {
            if (model.VocabularySize != manifest.Vocabulary!.Size)
                throw new EuterpeException($"{preset.ManifestPath}: vocabulary size {manifest.Vocabulary.Size} but the model's logits have {model.VocabularySize}");
            return new PerformanceEventGenerator(model, encoding, manifest.Conditioning.Count);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>io.tokenInput, io.logitsOutput, the state pairs and at most one conditioning input.</summary>
    public static TokenModelSignature SignatureFrom(ModelManifest manifest, string source)
    {
        var io = manifest.Io!;
        if (io.TokenInput is null || io.LogitsOutput is null)
            throw new EuterpeException($"{source}: a token model needs io.tokenInput and io.logitsOutput");
        if (manifest.Conditioning.Count > 1)
            throw new EuterpeException($"{source}: {manifest.Conditioning.Count} conditioning inputs; token models take at most one (a vector filled with its value)");
        return new TokenModelSignature(
            io.TokenInput.Name, io.LogitsOutput.Name,
            [.. manifest.State.Select(s => (s.Input, s.Output))],
            manifest.Conditioning.Count == 1 ? manifest.Conditioning[0].Name : null);
    }

    /// <summary>
    /// The performance vocabulary from vocabulary.encoding.options (minPitch, maxPitch, stepSeconds, maxShiftSteps,
    /// velocityBins, defaultVelocity; note-seq defaults otherwise); timing.secondsPerStep sets the step if given.
    /// </summary>
    public static PerformanceEncoding PerformanceEncodingFrom(ModelManifest manifest, string source)
    {
        var options = new PerformanceEncodingOptions();
        var given = manifest.Vocabulary?.Encoding?.Options ?? [];
        try
        {
            options = options with
            {
                MinPitch = Int(given, "minPitch", options.MinPitch),
                MaxPitch = Int(given, "maxPitch", options.MaxPitch),
                StepSeconds = manifest.Timing?.SecondsPerStep ?? Double(given, "stepSeconds", options.StepSeconds),
                MaxShiftSteps = Int(given, "maxShiftSteps", options.MaxShiftSteps),
                VelocityBins = Int(given, "velocityBins", options.VelocityBins),
                DefaultVelocity = Int(given, "defaultVelocity", options.DefaultVelocity),
            };
            var encoding = new PerformanceEncoding(options);
            if (manifest.Vocabulary is { } v && v.Size != encoding.VocabularySize)
                throw new EuterpeException($"{source}: vocabulary size {v.Size} does not match its performance encoding ({encoding.VocabularySize} tokens)");
            return encoding;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new EuterpeException($"{source}: performance encoding options: {e.Message.ReplaceLineEndings(" ")}", inner: e);
        }
    }

    private static JsonElement? Find(Dictionary<string, JsonElement> options, string key)
    {
        foreach (var (k, v) in options)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    private static int Int(Dictionary<string, JsonElement> options, string key, int fallback) =>
        Find(options, key) is { } v ? v.GetInt32() : fallback;

    private static double Double(Dictionary<string, JsonElement> options, string key, double fallback) =>
        Find(options, key) is { } v ? v.GetDouble() : fallback;
}
