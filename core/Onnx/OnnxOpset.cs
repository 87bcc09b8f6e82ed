namespace Euterpe.Core.Onnx;

/// <summary>An operator set a model imports: the empty domain is the default ONNX domain ("ai.onnx").</summary>
public readonly record struct OnnxOpset(string Domain, long Version)
{
    public override string ToString() => $"{(Domain.Length == 0 ? "ai.onnx" : Domain)} v{Version}";
}
