namespace Euterpe.Core.Presets;

/// <summary>
/// A model input or output the manifest relies on: its name, element type ("float", "int64", …) and shape.
/// A −1 dimension (or a missing shape) accepts whatever the model declares there.
/// </summary>
public sealed class ManifestTensor
{
    public string Name { get; set; } = "";
    public string ElementType { get; set; } = "float";
    public long[]? Shape { get; set; }
}
