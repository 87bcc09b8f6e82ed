namespace Euterpe.Core.Families.Dcrnn;

/// <summary>
/// A form such as ABCAB: one letter per clip, the same letter the same theme (z). The plug-in's Form list offers
/// <see cref="Presets"/>; `generate --form` takes any letters A–Z.
/// </summary>
public static class DcrnnForm
{
    public const int MaxLetters = 26;

    /// <summary>The plug-in's Form choices, in list order (index 0, Off: a fresh z every clip).</summary>
    public static readonly string[] Presets = ["Off", "AB", "ABA", "AABA", "ABCAB"];

    /// <summary>The form's letters as indices 0 (A) … 25 (Z).</summary>
    /// <exception cref="EuterpeException">Empty, or a character that is not a letter.</exception>
    public static int[] Parse(string form)
    {
        if (form.Length is 0 or > 256) throw new EuterpeException($"--form: \"{form}\" must be 1…256 letters A–Z (e.g. ABCAB)");
        var letters = new int[form.Length];
        for (var i = 0; i < form.Length; i++)
        {
            var c = char.ToUpperInvariant(form[i]);
            if (c is < 'A' or > 'Z') throw new EuterpeException($"--form: \"{form}\" must be letters A–Z (e.g. ABCAB); '{form[i]}' is not");
            letters[i] = c - 'A';
        }
        return letters;
    }
}
