namespace Euterpe.Core.Runtime;

/// <summary>ONNX Runtime's graph optimisation levels, numbered as the C API's and the package's GraphOptimizationLevel number them.</summary>
public enum GraphOptimization
{
    None = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
