using System.Text.Json;
using System.Text.Json.Serialization;
using Euterpe.Core;
using Euterpe.Core.IO;
using Euterpe.Core.Families.NGram;

namespace Euterpe.Training.Models;

/// <summary>
/// manifest.json of an n-gram preset: a deliberately minimal stand-in until the shared ONNX model manifest
/// (core/Inference/Manifests) covers every family. Family is "ngram", representation "note-tokens", and the model
/// file sits beside it.
/// </summary>
public sealed record NGramPresetManifest
{
    public const string FileName = "manifest.json";
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
        AtomicFile.WriteAllText(Path.Combine(presetFolder, FileName), JsonSerializer.Serialize(this, WriteOptions) + "\n");

    public static NGramPresetManifest Read(string presetFolder)
    {
        var path = ManifestPath(presetFolder);
        try
        {
            var manifest = JsonSerializer.Deserialize<NGramPresetManifest>(File.ReadAllText(path), WriteOptions)
                ?? throw new EuterpeException($"{path}: empty manifest");
            if (manifest.Family != NGramNoteModel.Family) throw new EuterpeException($"{path}: family '{manifest.Family}' is not an n-gram preset");
            if (manifest.Model.Contains('/') || manifest.Model.Contains('\\')) throw new EuterpeException($"{path}: model '{manifest.Model}' must be a file name beside the manifest");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not an n-gram preset manifest ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    private static string ManifestPath(string presetFolder)
    {
        if (!Directory.Exists(presetFolder)) throw new EuterpeException($"{presetFolder}: preset folder not found");
        var path = Path.Combine(presetFolder, FileName);
        if (!File.Exists(path)) throw new EuterpeException($"{presetFolder}: not a preset (no {FileName})");
        return path;
    }

    private static readonly JsonSerializerOptions WriteOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
}
