using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.IO;

/// <summary>.npy files written by numpy are read back, and files we write are read by numpy.</summary>
public class NpyFormatTests
{
    private static readonly long[] Shape234 = [2, 3, 4];

    [Fact]
    public void ReadsEveryDtypeAndFormatVersionNumpyWrites()
    {
        var f4 = NpyFormat.Read(OnnxTestModels.PathOf("v1_f4.npy"));
        Assert.Equal(TensorElementType.Float, f4.ElementType);
        Assert.Equal(Shape234, f4.Shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * 0.5f), f4.AsSpan<float>().ToArray());

        var f8 = NpyFormat.Read(OnnxTestModels.PathOf("v2_f8.npy"));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * 0.25), f8.AsSpan<double>().ToArray());

        var i8 = NpyFormat.Read(OnnxTestModels.PathOf("v3_i8.npy"));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i - 7L), i8.AsSpan<long>().ToArray());

        var i4 = NpyFormat.Read(OnnxTestModels.PathOf("v1_i4.npy"));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * 3), i4.AsSpan<int>().ToArray());

        var b1 = NpyFormat.Read(OnnxTestModels.PathOf("v1_b1.npy"));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i % 3 == 0), b1.AsSpan<bool>().ToArray());

        var scalar = NpyFormat.Read(OnnxTestModels.PathOf("v1_scalar.npy"));
        Assert.Empty(scalar.Shape);
        Assert.Equal(2.5f, scalar.AsSpan<float>()[0]);
    }

    [Theory]
    [InlineData("fortran.npy", "Fortran-ordered arrays are not supported")]
    [InlineData("u2.npy", "unsupported dtype \"<u2\"")]
    [InlineData("big_endian.npy", "big-endian dtype \">f4\" is not supported")]
    [InlineData("add.onnx", "not a .npy file")]
    public void UnsupportedFilesAreClearErrors(string file, string problem)
    {
        var path = OnnxTestModels.PathOf(file);
        var ex = Assert.Throws<EuterpeException>(() => NpyFormat.Read(path));
        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void TruncatedDataIsRejectedWithoutAllocatingTheClaimedSize()
    {
        var bytes = File.ReadAllBytes(OnnxTestModels.PathOf("v1_f4.npy"));
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.npy");
        File.WriteAllBytes(path, bytes[..^10]);
        try
        {
            var ex = Assert.Throws<EuterpeException>(() => NpyFormat.Read(path));
            Assert.Contains("truncated", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NumpyReadsWhatWeWrite()
    {
        using var temp = new TempFolder("npy-write-");
        var dir = temp.Path("arrays"); // not there yet: the writer makes it
        NpyFormat.Write(Path.Combine(dir, "f.npy"), NpyArray.From(Enumerable.Range(0, 6).Select(i => i * 1.5f).ToArray(), 2, 3));
        NpyFormat.Write(Path.Combine(dir, "d.npy"), NpyArray.From(new[] { 1e300, -2.0 }, 2));
        NpyFormat.Write(Path.Combine(dir, "l.npy"), NpyArray.From(new[] { long.MinValue, 5L, long.MaxValue }, 3, 1));
        NpyFormat.Write(Path.Combine(dir, "i.npy"), NpyArray.From(new[] { -1, 2 }, 1, 2));
        NpyFormat.Write(Path.Combine(dir, "b.npy"), NpyArray.From(new[] { true, false, true }, 3));
        NpyFormat.Write(Path.Combine(dir, "s.npy"), NpyArray.From(new[] { 4.25f }));
        var report = PythonRunner.RunCode(
            "import sys, numpy as np\n" +
            "for n in ['f','d','l','i','b','s']:\n" +
            "    a = np.load(sys.argv[1] + '/' + n + '.npy')\n" +
            "    print(n, a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'], repr(a.ravel().tolist()))\n", dir);
        var lines = report.Trim().Split('\n');
        Assert.Equal("f <f4 (2, 3) True [0.0, 1.5, 3.0, 4.5, 6.0, 7.5]", lines[0]);
        Assert.Equal("d <f8 (2,) True [1e+300, -2.0]", lines[1]);
        Assert.Equal("l <i8 (3, 1) True [-9223372036854775808, 5, 9223372036854775807]", lines[2]);
        Assert.Equal("i <i4 (1, 2) True [-1, 2]", lines[3]);
        Assert.Equal("b |b1 (3,) True [True, False, True]", lines[4]);
        Assert.Equal("s <f4 () True [4.25]", lines[5]);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void HeaderIsPaddedToSixtyFourBytes()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, NpyArray.From(new[] { 1f, 2f }, 2));
        var bytes = stream.ToArray();
        var headerLength = bytes[8] | (bytes[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal((byte)'\n', bytes[10 + headerLength - 1]);
        Assert.Equal(10 + headerLength + 8, bytes.Length);
    }
}
