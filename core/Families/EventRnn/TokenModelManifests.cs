using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;
using Euterpe.Core.Text;

namespace Euterpe.Core.Families.EventRnn;

/// <summary>
/// What a token model's manifest means for the code that runs it: the ONNX signature (token input, logits output,
/// state pairs, conditioning) and, for performance-event models, the vocabulary's encoding. One reading, shared by
/// the command line's <c>generate</c> and the instrument, so both play a preset the same way.
/// </summary>
public static class TokenModelManifests
{
    /// <summary>The name manifests give the performance-event vocabulary (vocabulary.encoding.name).</summary>
    public const string PerformanceEncodingName = Representations.PerformanceEvents;

    private static readonly JsonSerializerOptions OptionsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, TypeInfoResolver = EncodingOptionsJsonContext.Default };

    // Keys are matched case-insensitively: hand-written manifests vary.
    private static readonly JsonSerializerOptions ReadOptionsJson = new(OptionsJson) { PropertyNameCaseInsensitive = true };

    /// <summary>io.tokenInput, io.logitsOutput, the state pairs and at most one conditioning input.</summary>
    public static TokenModelSignature Signature(ModelManifest manifest, string source)
    {
        var io = manifest.Io;
        if (io?.TokenInput is null || io.LogitsOutput is null)
            throw new EuterpeException($"{source}: a token model needs io.tokenInput and io.logitsOutput");
        if (manifest.Conditioning.Count > 1)
            throw new EuterpeException($"{source}: {manifest.Conditioning.Count} conditioning inputs; token models take at most one (a vector filled with its value)");
        return new TokenModelSignature(
            io.TokenInput.Name, io.LogitsOutput.Name,
            [.. manifest.State.Select(s => (s.Input, s.Output))],
            manifest.Conditioning.Count == 1 ? manifest.Conditioning[0].Name : null);
    }

    /// <summary>
    /// Opens the preset's model as a token step model with the manifest's signature, and the session's metadata; one
    /// <c>FILE: problem</c> error when the model does not fit its manifest. The caller disposes the model (it owns the session).
    /// </summary>
    public static (OnnxTokenStepModel Model, ModelMetadata Metadata) OpenStepModel(Preset preset)
    {
        var signature = Signature(preset.OnnxManifest, preset.ManifestPath);
        var session = preset.OpenSession();
        try
        {
            return (new OnnxTokenStepModel(session, signature, ownsSession: true), session.Metadata);
        }
        catch (ArgumentException e)
        {
            session.Dispose();
            throw new EuterpeException($"{preset.ModelPath}: {e.Message}", inner: e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The options to write into vocabulary.encoding.options for a performance encoding.</summary>
    public static Dictionary<string, JsonElement> ToManifestOptions(PerformanceEncodingOptions options)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(options, (JsonTypeInfo<PerformanceEncodingOptions>)OptionsJson.GetTypeInfo(typeof(PerformanceEncodingOptions))));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    /// <summary>
    /// The performance vocabulary from vocabulary.encoding.options (note-seq defaults for what it leaves out);
    /// timing.secondsPerStep sets the step if given; the vocabulary size must match the encoding's.
    /// </summary>
    public static PerformanceEncoding PerformanceEncoding(ModelManifest manifest, string source)
    {
        if (manifest.Vocabulary?.Encoding is { } reference && reference.Name != PerformanceEncodingName)
            throw new EuterpeException($"{source}: vocabulary encoding must be \"{PerformanceEncodingName}\" (got {UserText.Quote(reference.Name)})");
        var given = manifest.Vocabulary?.Encoding?.Options ?? [];
        try
        {
            var normalized = given.ToDictionary(kv => JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value);
            var json = JsonSerializer.Serialize(normalized, (JsonTypeInfo<Dictionary<string, JsonElement>>)ReadOptionsJson.GetTypeInfo(typeof(Dictionary<string, JsonElement>)));
            var options = JsonSerializer.Deserialize(json, (JsonTypeInfo<PerformanceEncodingOptions>)ReadOptionsJson.GetTypeInfo(typeof(PerformanceEncodingOptions)))
                ?? new PerformanceEncodingOptions();
            if (manifest.Timing?.SecondsPerStep is { } step) options = options with { StepSeconds = step };
            if (ManifestLimits.Outside("vocabulary encoding stepSeconds", options.StepSeconds, ManifestLimits.MinSecondsPerStep, ManifestLimits.MaxSecondsPerStep) is { } range)
                throw new EuterpeException($"{source}: {range}");
            if (ManifestLimits.Outside("vocabulary encoding maxShiftSteps", options.MaxShiftSteps, 1, ManifestLimits.MaxVocabulary) is { } shifts)
                throw new EuterpeException($"{source}: {shifts}");
            var encoding = new PerformanceEncoding(options);
            if (manifest.Vocabulary is { } v && v.Size != encoding.VocabularySize)
                throw new EuterpeException($"{source}: vocabulary size {v.Size} does not match its performance encoding ({encoding.VocabularySize} tokens)");
            return encoding;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            throw new EuterpeException($"{source}: performance encoding options: {e.Message.ReplaceLineEndings(" ")}", inner: e);
        }
    }
}
