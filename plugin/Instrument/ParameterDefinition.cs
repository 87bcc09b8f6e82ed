using System.Globalization;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// One parameter: how its normalized [0,1] value maps to a plain value (linear between Min and Max,
/// rounded when it has steps) and how that value reads as text.
/// </summary>
public sealed record ParameterDefinition(
    uint Id, string Title, string ShortTitle, string Units, double Min, double Max, double DefaultPlain,
    int StepCount, bool IsBypass = false, string[]? Labels = null, bool IsList = false, bool IsReadOnly = false)
{
    /// <summary>What a Latent knob turned fully down reads: it follows the seed's z value.</summary>
    public const string LatentOffText = "Seed";

    public double DefaultNormalized => ToNormalized(DefaultPlain);

    public double ToPlain(double normalized)
    {
        var plain = Min + Math.Clamp(normalized, 0, 1) * (Max - Min);
        return StepCount > 0 ? Math.Round(plain) : plain;
    }

    public double ToNormalized(double plain) => Max == Min ? 0 : Math.Clamp((plain - Min) / (Max - Min), 0, 1);

    public string Format(double normalized)
    {
        var plain = ToPlain(normalized);
        if (Labels is not null) return Labels[(int)Math.Clamp(plain - Min, 0, Labels.Length - 1)];
        if (StepCount > 0) return plain.ToString("0", CultureInfo.InvariantCulture);
        if (Id == ParameterId.OutputGain && plain <= Min) return "-inf";
        if (InstrumentParameters.IsLatent(Id) && double.IsNaN(InstrumentParameters.LatentValue(plain))) return LatentOffText;
        return plain.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses text such as "-6", "-6 dB", "On" back to a normalized value.</summary>
    public bool TryParse(string text, out double normalized)
    {
        var trimmed = text.Trim();
        if (Labels is not null)
        {
            var index = Array.FindIndex(Labels, label => string.Equals(label, trimmed, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                normalized = ToNormalized(Min + index);
                return true;
            }
        }
        if (Units.Length > 0 && trimmed.EndsWith(Units, StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[..^Units.Length].Trim();
        if (InstrumentParameters.IsLatent(Id) && string.Equals(trimmed, LatentOffText, StringComparison.OrdinalIgnoreCase))
        {
            normalized = 0;
            return true;
        }
        if (trimmed == "-inf" && Id == ParameterId.OutputGain)
        {
            normalized = 0;
            return true;
        }
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && double.IsFinite(plain))
        {
            normalized = ToNormalized(Math.Clamp(plain, Min, Max));
            return true;
        }
        normalized = 0;
        return false;
    }
}
