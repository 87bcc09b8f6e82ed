using Euterpe.Core.Onnx;
using TorchSharp.Modules;

namespace Euterpe.Training.Export;

/// <summary>A TorchSharp Linear as ONNX MatMul + Add: initializers NAME.weight_t (the weight transposed) and NAME.bias.</summary>
public static class LinearNodes
{
    /// <param name="x">[rows, in] → [rows, out].</param>
    public static OnnxValue Add(OnnxGraphBuilder b, string name, Linear linear, OnnxValue x)
    {
        var weight = linear.weight;
        var (outFeatures, inFeatures) = ((int)weight.shape[0], (int)weight.shape[1]);
        var w = b.Initializer($"{name}.weight_t", TorchWeights.Transpose(TorchWeights.Floats(weight), outFeatures, inFeatures), [inFeatures, outFeatures]);
        return b.Add(b.MatMul(x, w), b.Initializer($"{name}.bias", TorchWeights.Floats(linear.bias!), [outFeatures]));
    }
}
