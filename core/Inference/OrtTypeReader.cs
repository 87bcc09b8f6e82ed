using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>Reads ONNX Runtime's type descriptions (OrtTypeInfo, OrtTensorTypeAndShapeInfo) into <see cref="TensorInfo"/>.</summary>
internal static unsafe class OrtTypeReader
{
    private const int OnnxTypeTensor = 1;

    public static TensorInfo ReadTensorInfo(OrtApiTable api, string name, nint typeInfo)
    {
        int onnxType;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType));
        if (onnxType != OnnxTypeTensor) return new TensorInfo(name, TensorElementType.Undefined, []);
        nint tensorInfo; // owned by typeInfo: not released here
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
        var (type, shape, names) = ReadShape(api, tensorInfo);
        return new TensorInfo(name, type, shape, names.Any(n => n is not null) ? names : null);
    }

    public static (TensorElementType Type, long[] Shape, string?[] Names) ReadShape(OrtApiTable api, nint tensorInfo)
    {
        int type;
        api.Check(api.GetTensorElementType(tensorInfo, &type));
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank));
        var shape = new long[(int)rank];
        var names = new string?[(int)rank];
        if (rank > 0)
        {
            var symbols = new nint[(int)rank];
            fixed (long* dims = shape)
            fixed (nint* syms = symbols)
            {
                api.Check(api.GetDimensions(tensorInfo, dims, rank));
                api.Check(api.GetSymbolicDimensions(tensorInfo, (byte**)syms, rank));
            }
            for (var i = 0; i < names.Length; i++)
            {
                var symbol = symbols[i] == 0 ? null : Marshal.PtrToStringUTF8(symbols[i]);
                names[i] = string.IsNullOrEmpty(symbol) ? null : symbol;
            }
        }
        return ((TensorElementType)type, shape, names);
    }
}
