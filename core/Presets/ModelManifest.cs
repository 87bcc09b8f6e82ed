using System.Text.Json;
using System.Text.Json.Serialization;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Presets;

/// <summary>
/// The manifest.json beside a model.onnx: what the model is, how its tokens or frames map to music and time,
/// which tensors carry state and conditioning, and where it came from. Loading checks the JSON and the fields;
/// <see cref="ValidateAgainst"/> checks it against the model's declared inputs and outputs.
/// </summary>
public sealed class ModelManifest
{
    public const int CurrentFormatVersion = 1;

    [JsonRequired]
    public int FormatVersion { get; set; } = CurrentFormatVersion;
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Family { get; set; } = "";
    public string Representation { get; set; } = "";
    public ManifestVocabulary? Vocabulary { get; set; }
    public ManifestTiming? Timing { get; set; }
    public ManifestIo? Io { get; set; }
    public List<ManifestStatePair> State { get; set; } = [];
    public List<ConditioningInput> Conditioning { get; set; } = [];
    public ManifestAudio? Audio { get; set; }
    public ManifestPianoRoll? PianoRoll { get; set; }
    public ManifestProvenance? Provenance { get; set; }

    /// <summary>The file this manifest was loaded from (used in error messages); not part of the JSON.</summary>
    [JsonIgnore]
    public string SourcePath { get; private set; } = "manifest.json";

    /// <summary>Reads, parses and checks a manifest; any problem is one <c>FILE: problem</c> error.</summary>
    public static ModelManifest Load(string path)
    {
        var json = InputFile.ReadAllText(path, InputFile.MaxManifestBytes, "manifest");
        return Parse(json, path);
    }

    /// <summary>Parses and checks manifest JSON; <paramref name="source"/> names it in errors.</summary>
    public static ModelManifest Parse(string json, string source = "manifest.json")
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ModelManifest);
            using var document = JsonDocument.Parse(json);
            if (ManifestLimits.TextProblem(document.RootElement) is { } text) throw new EuterpeException($"{source}: {text}");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new EuterpeException($"{source}: invalid manifest JSON{where}: {Preset.OneLine(e.Message)}", inner: e);
        }
        return Checked(manifest, source);
    }

    /// <summary>Reads and checks a manifest from JSON already parsed (a <see cref="Preset"/>'s one read).</summary>
    public static ModelManifest FromJson(JsonElement json, string source)
    {
        if (json.ValueKind != JsonValueKind.Object) throw new EuterpeException($"{source}: the manifest is not a JSON object");
        if (ManifestLimits.TextProblem(json) is { } text) throw new EuterpeException($"{source}: {text}");
        ModelManifest? manifest;
        try
        {
            manifest = json.Deserialize(ManifestJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{source}: invalid manifest: {Preset.OneLine(e.Message)}", inner: e);
        }
        return Checked(manifest, source);
    }

    private static ModelManifest Checked(ModelManifest? manifest, string source)
    {
        if (manifest is null) throw new EuterpeException($"{source}: manifest is null");
        manifest.SourcePath = source;
        ManifestRules.Check(manifest, source);
        return manifest;
    }

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJsonContext.Default.ModelManifest);

    /// <summary>Checks the manifest, then writes it atomically.</summary>
    public void Save(string path)
    {
        ManifestRules.Check(this, path);
        AtomicFile.WriteAllText(path, ToJson() + "\n");
        SourcePath = path;
    }

    /// <summary>
    /// Checks that every tensor the manifest names exists in the model with a matching element type and a
    /// compatible shape, and that every model input is one the manifest knows how to feed.
    /// </summary>
    public void ValidateAgainst(IReadOnlyList<TensorInfo> inputs, IReadOnlyList<TensorInfo> outputs, string modelPath) =>
        ManifestModelCheck.Check(this, inputs, outputs, modelPath);
}
