using System.CommandLine;
using Euterpe.Cli.Commands;

namespace Euterpe.Cli.Tests;

/// <summary>
/// `generate` on copies of the real presets with one thing broken, and `onnx run` on broken .npy inputs: exit 2, one
/// <c>error: FILE: problem</c> line naming the user's file, nothing written; never "internal error", never a hang.
/// </summary>
public sealed class PresetInputErrorTests : IDisposable
{
    private readonly TempFolder _temp = new("preset-input-");

    public void Dispose() => _temp.Dispose();

    private static string AssertOneError((int Code, string Stdout, string Stderr) result)
    {
        Assert.True(result.Code == 2, $"exit {result.Code}: {result.Stdout}{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.DoesNotContain("internal error", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        return result.Stderr.TrimEnd('\n');
    }

    private string Generate(string folder, string output)
    {
        var outPath = _temp.Path(output);
        var task = Task.Run(() => DataCli.Invoke("generate", folder, "--seconds", "5", "--out", outPath));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "generate did not answer within 30 s");
        var line = AssertOneError(task.Result);
        Assert.False(File.Exists(outPath));
        Assert.Empty(Directory.GetFiles(_temp.Root, "*.tmp*", SearchOption.AllDirectories));
        return line;
    }

    [Theory]
    [InlineData("1e-300")]
    [InlineData("1e308")]
    public void StepOutsideItsRangeIsAnErrorNotAnEmptyFile(string value)
    {
        var folder = PresetCopy.WithManifestEdit(_temp, PresetCopy.EventRnn, "\"secondsPerStep\": 0.01", $"\"secondsPerStep\": {value}");
        Assert.Equal($"error: {PresetCopy.ManifestPath(folder)}: timing secondsPerStep {value} is outside 0.0001…10", Generate(folder, "x.mid"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    public void ManifestThatIsNotAnObject(string json)
    {
        var folder = PresetCopy.WithManifest(_temp, PresetCopy.NGram, json);
        Assert.Equal($"error: {PresetCopy.ManifestPath(folder)}: the manifest is not a JSON object", Generate(folder, "x.mid"));
    }

    [Theory]
    [InlineData(99, "formatVersion 99 is newer than this Euterpe reads (1); update Euterpe")]
    [InlineData(0, "formatVersion 0 is not valid (expected 1)")]
    public void NGramManifestOfAnotherFormatVersion(int version, string problem)
    {
        // Version 99 used to be read as if it were 1.
        var folder = PresetCopy.WithManifestEdit(_temp, PresetCopy.NGram, "\"formatVersion\": 1", $"\"formatVersion\": {version}");
        Assert.Equal($"error: {PresetCopy.ManifestPath(folder)}: {problem}", Generate(folder, "x.mid"));
    }

    [Fact]
    public void EventRnnWhoseOutputWeightHasAFlippedExponentBitIsCorruptNotSilent()
    {
        // One weight of the output layer at -7.8e37, as a flipped bit left it: generate used to write 0 notes and exit 0.
        var folder = PresetCopy.Make(_temp, PresetCopy.EventRnn);
        var model = PresetCopy.SetOutputWeightColumn(folder, 207, -7.8e37f);
        Assert.Matches($"^error: {System.Text.RegularExpressions.Regex.Escape(model)}: the model's logit 207 is -?[0-9.]+E\\+?37, outside ±10000: its weights look corrupt$",
            Generate(folder, "x.mid"));
    }

    [Fact]
    public void NGramStepsPerBeatOfZero()
    {
        var folder = PresetCopy.WithManifestEdit(_temp, PresetCopy.NGram, "\"stepsPerBeat\": 4", "\"stepsPerBeat\": 0");
        Assert.Equal($"error: {PresetCopy.ManifestPath(folder)}: provenance.encoding stepsPerBeat 0 is outside 1…960", Generate(folder, "x.mid"));
    }

    [Theory]
    [InlineData(5000, "")]
    [InlineData(3, "\\u0000")]
    public void ModelNameTooLongOrWithANul(int length, string tail)
    {
        var folder = PresetCopy.WithManifestEdit(_temp, PresetCopy.NGram, "\"model\": \"model.json\"", $"\"model\": \"{new string('m', length)}{tail}\"");
        var line = Generate(folder, "x.mid");
        Assert.StartsWith($"error: {PresetCopy.ManifestPath(folder)}: model: \"mmm", line);
        Assert.DoesNotContain('\0', line);
        Assert.True(line.Length < 300, line);
    }

    [Fact]
    public void OnnxModelOnDevZero()
    {
        var folder = PresetCopy.Make(_temp, PresetCopy.EventRnn);
        var model = PresetCopy.Link(folder, "model.onnx", "/dev/zero");
        Assert.Equal($"error: {model}: is a character device, not a regular file", Generate(folder, "x.mid"));
    }

    [Fact]
    public void AudioModelThatIsAFifo()
    {
        var folder = PresetCopy.Make(_temp, PresetCopy.FftLstm);
        var model = PresetCopy.Fifo(folder, "model.onnx");
        Assert.Equal($"error: {model}: is a FIFO, not a regular file", Generate(folder, "x.wav"));
    }

    private static (int Code, string Stdout, string Stderr) Onnx(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(OnnxCommand.Create());
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CommandRunner.Invoke(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A .npy file with this header's shape and no data (written by hand: the shape is the point).</summary>
    private string Npy(string name, string shape)
    {
        var dict = $"{{'descr': '<i8', 'fortran_order': False, 'shape': {shape}, }}";
        var header = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var path = _temp.Path(name);
        File.WriteAllBytes(path, [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. System.Text.Encoding.Latin1.GetBytes(header)]);
        return path;
    }

    [Theory]
    [InlineData("(0, 1)", "shape (0, 1) holds no values; a model input needs at least one")]
    [InlineData("(9223372036854775807, 9223372036854775807)", ".npy shape (9223372036854775807, 9223372036854775807) is too large")]
    public void OnnxRunInputWithAnEmptyOrOverflowingShape(string shape, string problem)
    {
        var npy = Npy("token.npy", shape);
        var model = RepositoryRoot.Combine("presets", PresetCopy.EventRnn, "model.onnx");
        var line = AssertOneError(Onnx("onnx", "run", model, "--input", $"token={npy}", "--out", _temp.Path("out")));
        Assert.StartsWith($"error: {npy}: {problem}", line);
        Assert.False(Directory.Exists(_temp.Path("out")));
    }

    [Theory]
    [InlineData("/proc/self/mem", "/proc/self/mem: cannot read: ")]
    [InlineData("/dev/zero", "/dev/zero: is a character device, not a regular file")]
    [InlineData("/tmp", "/tmp: is a directory, not a regular file")]
    public void OnnxRunInputThatIsNotAnOrdinaryFile(string file, string problem)
    {
        var model = RepositoryRoot.Combine("presets", PresetCopy.EventRnn, "model.onnx");
        var line = AssertOneError(Onnx("onnx", "run", model, "--input", $"token={file}", "--out", _temp.Path("out")));
        Assert.StartsWith($"error: {problem}", line);
    }

    [Fact]
    public void OnnxRunInputNameWithAControlCharacterIsQuoted()
    {
        var model = RepositoryRoot.Combine("presets", PresetCopy.EventRnn, "model.onnx");
        var line = AssertOneError(Onnx("onnx", "run", model, "--input", $"to\u0001ken={Npy("token.npy", "(1, 1)")}", "--out", _temp.Path("out")));
        Assert.StartsWith($"error: {model}: model has no input \"to\\u0001ken\" (inputs: token, conditioning", line);
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("fifo", "is a FIFO, not a regular file")]
    [InlineData("empty", "empty file, not an ONNX model")]
    [InlineData("folder", "is a directory, not a regular file")]
    public async Task OnnxInfoOfAModelThatIsNotAnOrdinaryFile(string which, string problem)
    {
        var model = which switch
        {
            "fifo" => PresetCopy.Fifo(_temp.Root, "model.onnx"),
            "empty" => _temp.Path("model.onnx"),
            "folder" => Directory.CreateDirectory(_temp.Path("model.onnx")).FullName,
            _ => which,
        };
        if (which == "empty") File.WriteAllBytes(model, []);
        // WaitAsync throws TimeoutException past 30 s: a model on a device or FIFO once never came back.
        var result = await Task.Run(() => Onnx("onnx", "info", model)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal($"error: {model}: {problem}", AssertOneError(result));
    }
}
