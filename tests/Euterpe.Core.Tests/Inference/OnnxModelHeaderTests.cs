using Euterpe.Core.Inference;

namespace Euterpe.Core.Tests.Inference;

public class OnnxModelHeaderTests
{
    [Fact]
    public void ReadsWhatOnnxHelperWrote()
    {
        var path = TestModels.PathOf("matmul.onnx");
        var expected = TestModels.RunPython(
            "import sys, onnx\n" +
            "m = onnx.load(sys.argv[1])\n" +
            "print(m.ir_version, m.producer_name, ';'.join(f'{o.domain}:{o.version}' for o in m.opset_import))\n", path).Trim();
        var header = OnnxModelHeader.Read(path);
        Assert.Equal(expected, $"{header.IrVersion} {header.ProducerName} {string.Join(";", header.Opsets.Select(o => $"{o.Domain}:{o.Version}"))}");
    }

    [Fact]
    public void GarbageIsAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        try
        {
            var ex = Assert.Throws<EuterpeException>(() => OnnxModelHeader.Read(path));
            Assert.StartsWith($"{path}: not an ONNX model", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
