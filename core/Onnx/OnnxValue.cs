namespace Euterpe.Core.Onnx;

/// <summary>
/// A handle to a named value in a graph under construction (a graph input, an initializer or a node output).
/// Handles stay valid when <see cref="OnnxGraphBuilder.Output"/> renames the value they point at.
/// </summary>
public readonly record struct OnnxValue(string Name)
{
    public override string ToString() => Name;
}
