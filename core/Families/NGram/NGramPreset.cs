using System.Text.Json;
using Euterpe.Core.Encoding;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// An n-gram preset folder as a player needs it: the model file the manifest names and the note encoding the
/// model was trained with (its provenance), which decodes the drawn tokens. Written by <c>euterpe train ngram</c>.
/// </summary>
public sealed record NGramPreset(string Folder, string DisplayName, NGramNoteModel Model, MonophonicNoteEncoding Encoding)
{
    public static NGramPreset Open(string folder)
    {
        var manifestPath = Path.Combine(folder, PresetDirectory.ManifestFileName);
        var (family, _, displayName) = ManifestFamily.Peek(folder);
        if (family != NGramNoteModel.Family) throw new EuterpeException($"{manifestPath}: family \"{family}\" is not an n-gram preset");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var root = document.RootElement;
            var modelFile = String(root, "model") ?? throw new EuterpeException($"{manifestPath}: no \"model\" file named");
            if (modelFile.Contains('/') || modelFile.Contains('\\')) throw new EuterpeException($"{manifestPath}: model \"{modelFile}\" must be a file name beside the manifest");
            if (!root.TryGetProperty("provenance", out var provenance) || !provenance.TryGetProperty("encoding", out var encoding))
                throw new EuterpeException($"{manifestPath}: no \"provenance.encoding\" (the note encoding the model was trained with)");
            var settings = encoding.Deserialize<NoteEncodingSettings>(JsonOptions) ?? throw new EuterpeException($"{manifestPath}: empty provenance.encoding");
            MonophonicNoteEncoding noteEncoding;
            try
            {
                noteEncoding = settings.Create();
            }
            catch (ArgumentException e)
            {
                throw new EuterpeException($"{manifestPath}: provenance.encoding: {e.Message}", inner: e);
            }
            var model = NGramNoteModel.Load(Path.Combine(folder, modelFile));
            if (model.Pitches.VocabularySize != noteEncoding.PitchVocabularySize || model.Durations.VocabularySize != noteEncoding.DurationCount)
                throw new EuterpeException($"{manifestPath}: the encoding has {noteEncoding.PitchVocabularySize} pitch and {noteEncoding.DurationCount} duration tokens, the model {model.Pitches.VocabularySize} and {model.Durations.VocabularySize}");
            return new NGramPreset(folder, displayName, model, noteEncoding);
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{manifestPath}: not valid JSON ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
