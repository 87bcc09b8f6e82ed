using System.Text.Json;

namespace Euterpe.Core.Presets;

/// <summary>A named token encoding (e.g. "performance-events") and the options it was built with.</summary>
public sealed class ManifestEncodingReference
{
    public string Name { get; set; } = "";
    public Dictionary<string, JsonElement> Options { get; set; } = [];
}
