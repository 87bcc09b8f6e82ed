using System.Text.Json;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// What the Model picker says under a preset's name: its family and what it was trained on (the manifest's
/// provenance: the corpus folder and the steps). Read once per model change, on the UI thread, with JsonDocument
/// (no reflection).
/// </summary>
public sealed record ModelInfo(string Family, string Corpus, long Steps)
{
    public static ModelInfo Of(PresetEntry? entry)
    {
        if (entry is null) return new ModelInfo("", "", 0);
        var family = entry.Preset?.Family ?? "";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(entry.Path, Core.Presets.Preset.ManifestFileName)));
            if (!document.RootElement.TryGetProperty("provenance", out var provenance) || provenance.ValueKind != JsonValueKind.Object)
                return new ModelInfo(family, "", 0);
            var data = provenance.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : "";
            var steps = provenance.TryGetProperty("steps", out var s) && s.TryGetInt64(out var n) ? n : 0;
            return new ModelInfo(family, CorpusName(data), steps);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new ModelInfo(family, "", 0);
        }
    }

    /// <summary>The corpus by its folder's name ("openmsx", "examples"): the full path means little in a DAW.</summary>
    private static string CorpusName(string data)
    {
        var trimmed = data.TrimEnd('/');
        var name = Path.GetFileName(trimmed);
        return name.Length > 0 ? name : trimmed;
    }

    /// <summary>One line: "conditional-event-rnn · trained on openmsx, 1000 steps".</summary>
    public string Line => Family.Length == 0 ? "" :
        Corpus.Length == 0 ? Family : Steps > 0 ? $"{Family} · trained on {Corpus}, {Steps} steps" : $"{Family} · trained on {Corpus}";
}
