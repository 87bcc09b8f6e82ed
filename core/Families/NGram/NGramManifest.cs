using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Euterpe.Core.Presets;
using Euterpe.Core.Text;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// manifest.json of an n-gram preset: family "ngram", representation "note-tokens", the model file beside it (a JSON
/// table, not ONNX) and its provenance, which holds the note encoding the model was trained with (needed to decode
/// what it draws). Written by `euterpe export` of an n-gram run; read through <see cref="Preset"/>.
/// </summary>
public sealed record NGramManifest
{
    public const string ModelFileName = "model.json";
    public const string Representation = "note-tokens";

    /// <summary>The newest manifest layout this code reads and the one it writes.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; } = CurrentFormatVersion;

    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string Family { get; set; } = NGramNoteModel.Family;

    [JsonPropertyName("representation")]
    public string RepresentationName { get; set; } = Representation;

    public string Model { get; set; } = ModelFileName;

    public required NGramProvenance Provenance { get; init; }

    public void Write(string presetFolder) =>
        AtomicFile.WriteAllText(Path.Combine(presetFolder, Preset.ManifestFileName), JsonSerializer.Serialize(this, TypeInfo) + "\n");

    /// <summary>The n-gram record of an opened preset; the model must be a file name beside the manifest.</summary>
    public static NGramManifest From(Preset preset)
    {
        if (preset.Family != NGramNoteModel.Family) throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" is not an n-gram preset");
        var manifest = preset.Deserialize(TypeInfo);
        if (Problem(manifest) is { } problem) throw new EuterpeException($"{preset.ManifestPath}: {problem}");
        return manifest;
    }

    private static string? Problem(NGramManifest m)
    {
        if (ManifestLimits.FormatVersion(m.FormatVersion, CurrentFormatVersion) is { } version) return version;
        if ((ManifestLimits.Name("\"id\"", m.Id) ?? ManifestLimits.Name("\"displayName\"", m.DisplayName) ?? ManifestLimits.Name("\"model\"", m.Model)) is { } name)
            return name;
        if (m.Model.Contains('/') || m.Model.Contains('\\') || m.Model is "." or "..")
            return $"model {UserText.Quote(m.Model)} must be a file name beside the manifest";
        if (m.Provenance?.Encoding is not { } e) return "no \"provenance.encoding\" (the note encoding the model was trained with)";
        if (ManifestLimits.Outside("provenance.encoding stepsPerBeat", e.StepsPerBeat, ManifestLimits.MinStepsPerBeat, ManifestLimits.MaxStepsPerBeat) is { } steps)
            return steps;
        if (e.DurationSteps is null || e.DurationSteps.Length is 0 or > MaxDurations)
            return $"provenance.encoding durationSteps must list 1…{MaxDurations} durations";
        // A duration is a number of grid steps: a few bars at most, so tick arithmetic stays far from overflow.
        foreach (var d in e.DurationSteps)
            if (ManifestLimits.Outside("provenance.encoding durationSteps value", d, 1, MaxDurationSteps) is { } p) return p;
        return null;
    }

    private const int MaxDurations = 1024;
    private const int MaxDurationSteps = 1 << 16;

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        TypeInfoResolver = NGramJsonContext.Default,
    };

    private static readonly JsonTypeInfo<NGramManifest> TypeInfo = (JsonTypeInfo<NGramManifest>)JsonOptions.GetTypeInfo(typeof(NGramManifest));
}
