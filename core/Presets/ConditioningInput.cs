namespace Euterpe.Core.Presets;

/// <summary>
/// A model input the user steers (density, temperature-like controls, a style value). Each becomes a
/// plugin parameter with this range, default, unit and display name, fed as a tensor of
/// <see cref="ElementType"/> and <see cref="Shape"/> filled with the value.
/// </summary>
public sealed class ConditioningInput
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public double Min { get; set; }
    public double Max { get; set; } = 1;
    public double Default { get; set; }
    public string Unit { get; set; } = "";
    public string ElementType { get; set; } = "float";
    public long[] Shape { get; set; } = [1];
}
