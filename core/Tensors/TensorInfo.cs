namespace Euterpe.Core.Tensors;

/// <summary>
/// A named tensor as a model declares it. A dimension of −1 is symbolic (batch, time);
/// <see cref="DimensionNames"/> holds the symbol where the model gives one.
/// </summary>
public sealed record TensorInfo(string Name, TensorElementType ElementType, long[] Shape, string?[]? DimensionNames = null)
{
    public override string ToString() => $"{Name}: {ElementType.ToString().ToLowerInvariant()}[{string.Join(", ", Shape.Select((d, i) => d >= 0 ? d.ToString() : DimensionNames?[i] ?? "?"))}]";
}
