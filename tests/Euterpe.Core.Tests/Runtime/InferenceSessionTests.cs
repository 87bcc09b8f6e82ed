using Euterpe.Core.IO;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Runtime;

public class InferenceSessionTests
{
    private static OrtTensor Load(string npy)
    {
        var array = NpyFormat.Read(OnnxTestModels.PathOf(npy));
        return OrtTensor.WrapBytes(array.ElementType, array.Data, array.Shape);
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void AddModelDescribesItselfAndMatchesNumpy()
    {
        using var session = InferenceSession.Open(OnnxTestModels.PathOf("add.onnx"));
        Assert.Equal(["x", "y"], session.Inputs.Select(i => i.Name));
        Assert.Equal("z", Assert.Single(session.Outputs).Name);
        Assert.Equal(TensorElementType.Float, session.Inputs[0].ElementType);
        Assert.Equal([2L, 3L], session.Inputs[0].Shape);

        var meta = session.Metadata;
        Assert.Equal("euterpe-tests", meta.ProducerName);
        Assert.Equal("add_graph", meta.GraphName);
        Assert.Equal("org.euterpe.test", meta.Domain);
        Assert.Equal("adds two matrices", meta.Description);
        Assert.Equal(7, meta.Version);
        Assert.Equal("388", meta.Custom["vocab"]);
        Assert.Equal("tests", meta.Custom["author"]);

        using var x = Load("add_x.npy");
        using var y = Load("add_y.npy");
        var outputs = session.Run(new Dictionary<string, OrtTensor> { ["x"] = x, ["y"] = y });
        using var z = Assert.Single(outputs);
        Assert.Equal([2L, 3L], z.Shape.ToArray());
        AssertClose(NpyFormat.Read(OnnxTestModels.PathOf("add_z.npy")).AsSpan<float>(), z.AsSpan<float>(), 1e-6f);
    }

    [Fact]
    public void SymbolicDimensionsAreReportedAndRunWithAnySize()
    {
        var bytes = File.ReadAllBytes(OnnxTestModels.PathOf("matmul.onnx"));
        using var session = InferenceSession.FromBytes(bytes, name: "matmul-in-memory");
        var input = session.Inputs[0];
        Assert.Equal([-1L, 4L], input.Shape);
        Assert.Equal("batch", input.DimensionNames![0]);
        Assert.Equal("x: float[batch, 4]", input.ToString());
        Assert.Null(session.Metadata.Version); // matmul.onnx sets no model_version

        using var x = Load("matmul_x.npy");
        var outputs = session.Run(new Dictionary<string, OrtTensor> { ["x"] = x });
        using var y = outputs[0];
        Assert.Equal([3L, 5L], y.Shape.ToArray());
        AssertClose(NpyFormat.Read(OnnxTestModels.PathOf("matmul_y.npy")).AsSpan<float>(), y.AsSpan<float>(), 1e-5f);
    }

    [Fact]
    public void Int64InDoubleOut()
    {
        using var session = InferenceSession.Open(OnnxTestModels.PathOf("cast.onnx"));
        using var i = Load("cast_i.npy");
        using var d = session.Run(new Dictionary<string, OrtTensor> { ["i"] = i })[0];
        Assert.Equal(TensorElementType.Double, d.ElementType);
        Assert.Equal(NpyFormat.Read(OnnxTestModels.PathOf("cast_d.npy")).AsSpan<double>().ToArray(), d.AsSpan<double>().ToArray());
    }

    [Fact]
    public void CorruptModelIsOneLineNamingTheFile()
    {
        var path = OnnxTestModels.PathOf("corrupt.onnx");
        var ex = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(path));
        Assert.StartsWith(path + ": InvalidProtobuf: ", ex.Message);
        Assert.Contains("Protobuf parsing failed", ex.Message);
        Assert.Equal("InvalidProtobuf", ex.Code);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.IsAssignableFrom<EuterpeException>(ex);
    }

    [Fact]
    public void MissingModelFile()
    {
        var ex = Assert.Throws<EuterpeException>(() => InferenceSession.Open("/nonexistent/model.onnx"));
        Assert.Equal("/nonexistent/model.onnx: not found", ex.Message);
    }

    [Fact]
    public void WrongInputNameTypeOrShapeIsRejectedBeforeRunning()
    {
        var path = OnnxTestModels.PathOf("add.onnx");
        using var session = InferenceSession.Open(path);
        using var good = OrtTensor.Create<float>(2, 3);
        using var wrongType = OrtTensor.Create<long>(2, 3);
        using var wrongShape = OrtTensor.Create<float>(3, 2);

        var unknown = Assert.Throws<EuterpeException>(() => session.Run(new Dictionary<string, OrtTensor> { ["x"] = good, ["y"] = good, ["w"] = good }));
        Assert.Equal($"{path}: model has no input 'w' (inputs: x, y)", unknown.Message);

        var missing = Assert.Throws<EuterpeException>(() => session.Run(new Dictionary<string, OrtTensor> { ["x"] = good }));
        Assert.Equal($"{path}: input 'y' (y: float[2, 3]) not given", missing.Message);

        var type = Assert.Throws<EuterpeException>(() => session.Run(new Dictionary<string, OrtTensor> { ["x"] = good, ["y"] = wrongType }));
        Assert.Equal($"{path}: input 'y' must be float, got int64[2, 3]", type.Message);

        var shape = Assert.Throws<EuterpeException>(() => session.Run(new Dictionary<string, OrtTensor> { ["x"] = wrongShape, ["y"] = good }));
        Assert.Equal($"{path}: input 'x' must have shape x: float[2, 3], got float[3, 2]", shape.Message);
    }

    [Fact]
    public void WrappedArrayIsSharedNotCopied()
    {
        using var session = InferenceSession.Open(OnnxTestModels.PathOf("add.onnx"));
        var xs = new float[] { 1, 2, 3, 4, 5, 6 };
        var ys = new float[6];
        var zs = new float[6];
        using var x = OrtTensor.Wrap(xs, 2, 3);
        using var y = OrtTensor.Wrap(ys, 2, 3);
        using var z = OrtTensor.Wrap(zs, 2, 3);
        using var run = session.Bind(new Dictionary<string, OrtTensor> { ["x"] = x, ["y"] = y }, new Dictionary<string, OrtTensor> { ["z"] = z });
        run.Run();
        Assert.Equal(xs, zs);
        ys[4] = 10; // the model sees the array's new contents on the next run
        run.Run();
        Assert.Equal(15f, zs[4]);
    }

    [Fact]
    public void BoundRunKeepsDisposedOwnersAlive()
    {
        var session = InferenceSession.Open(OnnxTestModels.PathOf("add.onnx"));
        var x = OrtTensor.Wrap(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var y = OrtTensor.Wrap(new float[] { 6, 5, 4, 3, 2, 1 }, 2, 3);
        var zs = new float[6];
        var z = OrtTensor.Wrap(zs, 2, 3);
        using var run = session.Bind(new Dictionary<string, OrtTensor> { ["x"] = x, ["y"] = y }, new Dictionary<string, OrtTensor> { ["z"] = z });
        session.Dispose();
        x.Dispose();
        y.Dispose();
        z.Dispose();
        run.Run();
        Assert.All(zs, v => Assert.Equal(7f, v));
    }
}
