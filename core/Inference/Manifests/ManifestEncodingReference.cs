using System.Text.Json;

namespace Euterpe.Core.Inference.Manifests;

/// <summary>A named token encoding (e.g. "performance-events") and the options it was built with.</summary>
public sealed class ManifestEncodingReference
{
    public string Name { get; set; } = "";
    public Dictionary<string, JsonElement> Options { get; set; } = [];
}
