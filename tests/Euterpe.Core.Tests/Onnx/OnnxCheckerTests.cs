using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

public class OnnxCheckerTests
{
    public static TheoryData<string> ModelNames => new(TestModels.Names);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void WrittenModelPassesOnnxFullCheck(string name)
    {
        using var dir = new TempFolder();
        var path = dir.File(name + ".onnx");
        TestModels.Build(name).Save(path);
        PythonOnnx.Check(path);
    }

    [Fact]
    public void CheckerRejectsADeclaredShapeThatContradictsTheOperators()
    {
        // Guards the checker tests above: strict shape inference must notice a wrong declared output.
        var g = new OnnxGraphBuilder("wrong");
        var x = g.Input("x", TensorElementType.Float, [2, 4]);
        g.Output(g.MatMul(x, g.Initializer("W", TestModels.Ramp(12), [4, 3])), "y", TensorElementType.Float, [2, 5]);
        using var dir = new TempFolder();
        var path = dir.File("wrong.onnx");
        g.ToModel().Save(path);
        var ok = PythonRunner.RunCode("""
            import onnx,sys
            try:
                onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print("accepted")
            except Exception as e:
                print("rejected")
            """, path);
        Assert.Equal("rejected", ok.Trim());
    }
}
