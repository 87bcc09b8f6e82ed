using System.Text.Json;
using System.Text.Json.Serialization;
using Euterpe.Core.Presets;

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

    public int FormatVersion { get; init; } = 1;

    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string Family { get; init; } = NGramNoteModel.Family;

    [JsonPropertyName("representation")]
    public string RepresentationName { get; init; } = Representation;

    public string Model { get; init; } = ModelFileName;

    public required NGramProvenance Provenance { get; init; }

    public void Write(string presetFolder) =>
        AtomicFile.WriteAllText(Path.Combine(presetFolder, Preset.ManifestFileName), JsonSerializer.Serialize(this, JsonOptions) + "\n");

    /// <summary>The n-gram record of an opened preset; the model must be a file name beside the manifest.</summary>
    public static NGramManifest From(Preset preset)
    {
        if (preset.Family != NGramNoteModel.Family) throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" is not an n-gram preset");
        var manifest = preset.Deserialize<NGramManifest>(JsonOptions);
        if (manifest.Model.Contains('/') || manifest.Model.Contains('\\'))
            throw new EuterpeException($"{preset.ManifestPath}: model \"{manifest.Model}\" must be a file name beside the manifest");
        if (manifest.Provenance?.Encoding is null)
            throw new EuterpeException($"{preset.ManifestPath}: no \"provenance.encoding\" (the note encoding the model was trained with)");
        return manifest;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
}
