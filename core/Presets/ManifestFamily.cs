using System.Text.Json;

namespace Euterpe.Core.Presets;

/// <summary>
/// Reads only the "family" of a preset's manifest.json, so a player can choose the family's own reader: ONNX
/// families use <see cref="ModelManifest"/>, the n-gram model has a manifest of its own.
/// </summary>
public static class ManifestFamily
{
    public static string Read(string presetFolder) => Peek(presetFolder).Family;

    /// <summary>The family, id and display name of a preset (id and name default to the folder's name).</summary>
    public static (string Family, string Id, string DisplayName) Peek(string presetFolder)
    {
        if (!Directory.Exists(presetFolder)) throw new EuterpeException($"{presetFolder}: preset folder not found");
        var path = Path.Combine(presetFolder, PresetDirectory.ManifestFileName);
        if (!File.Exists(path)) throw new EuterpeException($"{presetFolder}: not a preset (no {PresetDirectory.ManifestFileName})");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && String(root, "family") is { } family)
                return (family, String(root, "id") ?? Path.GetFileName(presetFolder), String(root, "displayName") ?? Path.GetFileName(presetFolder));
            throw new EuterpeException($"{path}: no \"family\" in the preset manifest");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not valid JSON ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
