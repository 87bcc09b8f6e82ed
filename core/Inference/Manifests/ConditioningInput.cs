namespace Euterpe.Core.Inference.Manifests;

/// <summary>
/// A model input the user steers (density, temperature-like controls, a style value). Each becomes a
/// plugin parameter with this range, default, unit and display name, fed as a tensor of
/// <see cref="ElementType"/> and <see cref="Shape"/> filled with the value.
/// </summary>
public sealed class ConditioningInput
{
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public double Min { get; init; }
    public double Max { get; init; } = 1;
    public double Default { get; init; }
    public string Unit { get; init; } = "";
    public string ElementType { get; init; } = "float";
    public long[] Shape { get; init; } = [1];
}
