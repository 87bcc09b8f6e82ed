using Euterpe.Core.Tensors;

namespace Euterpe.Core.Presets;

/// <summary>Element type names as manifests spell them: "float", "int64", "uint8", … (lowercase TensorElementType names).</summary>
public static class ManifestElementTypes
{
    public static string Name(TensorElementType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out TensorElementType type)
    {
        type = TensorElementType.Undefined;
        if (text.Length == 0 || !text.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(text[0])) return false;
        return Enum.TryParse(text, ignoreCase: true, out type) && type != TensorElementType.Undefined;
    }

    public static TensorElementType Parse(string text) =>
        TryParse(text, out var type) ? type : throw new FormatException($"unknown element type \"{text}\"");

    /// <summary>e.g. <c>float[2,1,512]</c>; a symbolic dimension shows its name, an unknown one "?".</summary>
    public static string Describe(TensorElementType type, long[]? shape, string?[]? dimensionNames = null)
    {
        if (shape is null) return Name(type);
        var dims = shape.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : dimensionNames is { } names && i < names.Length && names[i] is { } n ? n : "?");
        return $"{Name(type)}[{string.Join(",", dims)}]";
    }
}
