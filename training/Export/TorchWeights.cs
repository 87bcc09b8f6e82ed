using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Export;

/// <summary>Weights copied out of libtorch for ONNX initializers.</summary>
internal static class TorchWeights
{
    public static float[] Floats(Tensor t)
    {
        using var noGrad = torch.no_grad();
        using var cpu = t.detach().cpu().contiguous();
        return cpu.data<float>().ToArray();
    }

    /// <summary>[rows, cols] row-major → [cols, rows] (a Linear's weight becomes MatMul's right operand).</summary>
    public static float[] Transpose(float[] m, int rows, int cols)
    {
        var result = new float[m.Length];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                result[j * rows + i] = m[i * cols + j];
        return result;
    }
}
