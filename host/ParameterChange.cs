namespace Euterpe.Host;

/// <summary>A parameter automation point: set <see cref="Id"/> to a normalized value at <see cref="Seconds"/>.</summary>
public readonly record struct ParameterChange(uint Id, double Normalized, double Seconds)
{
    /// <summary>Parses <c>ID=VALUE</c> or <c>ID=VALUE@SECONDS</c> (VALUE normalized 0…1).</summary>
    public static ParameterChange Parse(string text)
    {
        var eq = text.IndexOf('=');
        var at = text.IndexOf('@');
        var idText = eq < 0 ? "" : text[..eq];
        var valueText = eq < 0 ? "" : at < 0 ? text[(eq + 1)..] : text[(eq + 1)..at];
        var secondsText = at < 0 ? "0" : text[(at + 1)..];
        if (!uint.TryParse(idText, out var id) || !double.TryParse(valueText, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || !double.TryParse(secondsText, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || value is < 0 or > 1 || seconds < 0)
            throw new Core.EuterpeException($"--param {text}: expected ID=VALUE[@SECONDS] with VALUE in 0…1");
        return new ParameterChange(id, value, seconds);
    }
}
