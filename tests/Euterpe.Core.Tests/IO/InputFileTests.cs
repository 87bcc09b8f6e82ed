using Euterpe.Core.Families.NGram;
using Euterpe.Core.IO;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.IO;

/// <summary>
/// Files that are not regular files, or are too large, in copies of the real presets: one error naming the file,
/// at once (a model on /dev/zero once ran `render` out of memory; a FIFO would block forever).
/// </summary>
public class InputFileTests
{
    private static string ErrorWithin(TimeSpan limit, Action action)
    {
        var task = Task.Run(() => Assert.Throws<EuterpeException>(action));
        Assert.True(task.Wait(limit), $"no answer within {limit.TotalSeconds} s");
        Assert.Equal(2, task.Result.ExitCode);
        return task.Result.Message;
    }

    private static readonly TimeSpan Seconds10 = TimeSpan.FromSeconds(10);

    [Fact]
    public void OnnxModelOnDevZeroIsRefusedBeforeItIsRead()
    {
        using var temp = new TempFolder("input-file-");
        var folder = PresetCopy.Make(temp, PresetCopy.EventRnn);
        var model = PresetCopy.Link(folder, "model.onnx", "/dev/zero");
        var preset = Preset.Open(folder);
        Assert.Equal($"{model}: is a character device, not a regular file", ErrorWithin(Seconds10, () => preset.OpenSession().Dispose()));
    }

    [Fact]
    public void NGramModelOnDevZeroIsRefusedBeforeItIsRead()
    {
        using var temp = new TempFolder("input-file-");
        var folder = PresetCopy.Make(temp, PresetCopy.NGram);
        var model = PresetCopy.Link(folder, "model.json", "/dev/zero");
        Assert.Equal($"{model}: is a character device, not a regular file", ErrorWithin(Seconds10, () => NGramFamily.Open(Preset.Open(folder)).Dispose()));
    }

    [Fact]
    public void ManifestThatIsAFifoDoesNotBlock()
    {
        using var temp = new TempFolder("input-file-");
        var folder = PresetCopy.Make(temp, PresetCopy.FftLstm);
        var manifest = PresetCopy.Fifo(folder, "manifest.json");
        Assert.Equal($"{manifest}: is a FIFO, not a regular file", ErrorWithin(Seconds10, () => Preset.Open(folder)));
    }

    [Fact]
    public void ManifestThatIsADirectoryIsNamed()
    {
        using var temp = new TempFolder("input-file-");
        var folder = PresetCopy.Make(temp, PresetCopy.NGram);
        var manifest = PresetCopy.ManifestPath(folder);
        File.Delete(manifest);
        Directory.CreateDirectory(manifest);
        Assert.Equal($"{manifest}: is a directory, not a regular file", ErrorWithin(Seconds10, () => Preset.Open(folder)));
    }

    [Fact]
    public void ManifestLargerThanSixteenMebibytesIsRefusedByItsSize()
    {
        using var temp = new TempFolder("input-file-");
        var folder = PresetCopy.Make(temp, PresetCopy.EventRnn);
        var manifest = PresetCopy.ManifestPath(folder);
        using (var stream = File.OpenWrite(manifest)) stream.SetLength(17L << 20); // sparse: nothing is written
        Assert.Equal($"{manifest}: {17L << 20} bytes is too large for a manifest (at most {16L << 20})", ErrorWithin(Seconds10, () => Preset.Open(folder)));
    }

    [Fact]
    public void ProcSelfMemIsACannotReadError()
    {
        var message = ErrorWithin(Seconds10, () => InputFile.ReadAllBytes("/proc/self/mem", 1 << 20, ".npy"));
        Assert.StartsWith("/proc/self/mem: cannot read: ", message);
    }

    [Fact]
    public void FileThatReportsNoSizeIsStillReadUpToTheLimit()
    {
        // /proc files say they are empty; the reader goes on until the end or the limit.
        Assert.Contains("Pid:", System.Text.Encoding.UTF8.GetString(InputFile.ReadAllBytes("/proc/self/status", 1 << 20, "status")));
        Assert.Equal("/proc/self/status: more than 16 bytes is too large for a status",
            ErrorWithin(Seconds10, () => InputFile.ReadAllBytes("/proc/self/status", 16, "status")));
    }

    [Fact]
    public void PathWithANulIsQuoted()
    {
        Assert.Equal("\"a\\u0000b\": not a valid file path", ErrorWithin(Seconds10, () => InputFile.Check("a\0b", 1, "manifest")));
    }
}
