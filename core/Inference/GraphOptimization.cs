namespace Euterpe.Core.Inference;

/// <summary>ONNX Runtime's graph optimisation levels (GraphOptimizationLevel), numbered as the C API numbers them.</summary>
public enum GraphOptimization
{
    None = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
