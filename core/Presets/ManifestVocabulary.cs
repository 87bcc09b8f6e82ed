namespace Euterpe.Core.Presets;

/// <summary>
/// The token set of a token model: its size and either the token names in id order, or a named
/// encoding (with options) that produces them.
/// </summary>
public sealed class ManifestVocabulary
{
    public int Size { get; set; }
    public List<string>? Tokens { get; set; }
    public ManifestEncodingReference? Encoding { get; set; }
}
