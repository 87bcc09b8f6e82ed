namespace Euterpe.Core.Tests.Onnx;

/// <summary>Python's onnx package (python3-onnx) as the independent judge of the models our writer produces.</summary>
internal static class PythonOnnx
{
    /// <summary>onnx.checker with full_check (which also runs strict shape inference) on a file.</summary>
    public static void Check(string path) => PythonRunner.RunCode("import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)", path);
}
