using Euterpe.Core.Onnx;

namespace Euterpe.Core.Tests.Onnx;

public class OnnxReaderErrorTests
{
    [Fact]
    public void MissingFileIsAOneLineError()
    {
        using var dir = new TempFolder();
        var path = dir.File("absent.onnx");
        var e = Assert.Throws<EuterpeException>(() => OnnxModel.Load(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Fact]
    public void TextFileIsNotAModel()
    {
        using var dir = new TempFolder();
        var path = dir.File("notes.onnx");
        File.WriteAllText(path, "this is a text file, not a protobuf\n");
        var e = Assert.Throws<EuterpeException>(() => OnnxModel.Load(path));
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void EmptyFileHasNoGraph()
    {
        var e = Assert.Throws<EuterpeException>(() => OnnxModel.Parse([], "empty.onnx"));
        Assert.Equal("empty.onnx: not an ONNX model (no graph)", e.Message);
    }

    [Fact]
    public void EveryTruncationOfAModelFailsCleanly()
    {
        var bytes = TestModels.LstmStep().ToByteArray();
        for (var length = 1; length < bytes.Length; length += 37)
        {
            var cut = bytes[..length];
            var e = Assert.Throws<EuterpeException>(() => OnnxModel.Parse(cut, "cut.onnx"));
            Assert.StartsWith("cut.onnx: ", e.Message);
        }
    }
}
