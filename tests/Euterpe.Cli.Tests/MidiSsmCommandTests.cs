using Euterpe.Core.Abc;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Tests;

/// <summary>
/// <c>euterpe midi ssm</c>: the image Pillow (python3-pil) decodes has one square of cell pixels per pair of bars or
/// windows, each the gray level of that pair's similarity as <see cref="SelfSimilarityMatrix"/> computes it.
/// </summary>
public sealed class MidiSsmCommandTests : IDisposable
{
    private static readonly string Song = Path.Combine(DataCli.OpenMsx, "tttheme2.mid");
    private readonly TempFolder _temp = new();
    private string _dir => _temp.Root;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PerBarPngHoldsTheMatrix()
    {
        var output = Path.Combine(_dir, "bars.png");
        var (code, stdout, stderr) = MidiCommandTests.Invoke("midi", "ssm", Song, "--out", output);
        Assert.True(code == 0, stderr);

        var matrix = SelfSimilarityMatrix.PerBar(MidiFileReader.Read(Song));
        Assert.Equal(38, matrix.Size); // 4/4 bars up to the last note
        Assert.Equal($"wrote {output}: 38×38 bars, 152×152 pixels\n", stdout);
        AssertImage(output, matrix, cell: 4);
    }

    [Fact]
    public void WindowsOfBeatsAsPgm()
    {
        var song = Path.Combine(DataCli.OpenMsx, "be_sharp_bw_redfarn.mid");
        var output = Path.Combine(_dir, "windows.pgm");
        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "ssm", song, "--out", output, "--window", "8", "--cell", "2");
        Assert.True(code == 0, stderr);

        var piece = MidiFileReader.Read(song);
        var matrix = SelfSimilarityMatrix.PerWindow(piece, 8);
        Assert.Equal((piece.EndTick + 8 * 256 - 1) / (8 * 256), matrix.Size); // 256 ticks per quarter note
        AssertImage(output, matrix, cell: 2);
    }

    [Fact]
    public void AbcTuneByItsReferenceNumber()
    {
        const string demo = "/usr/share/doc/abcmidi/examples/demo.abc";
        var output = Path.Combine(_dir, "tune.png");
        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "ssm", demo, "--tune", "3", "--out", output, "--cell", "1");
        Assert.True(code == 0, stderr);

        var tune = AbcReader.ReadTunes(demo).Single(t => t.ReferenceNumber == 3).Sequence;
        var matrix = SelfSimilarityMatrix.PerBar(tune);
        Assert.Equal(BarGrid.Bars(tune).Count, matrix.Size);
        AssertImage(output, matrix, cell: 1);
    }

    [Theory]
    [InlineData("out.jpg", new string[0], "{out}: unknown image type (use .png or .pgm)")]
    [InlineData("out.png", new[] { "--window", "0" }, "--window 0: must be a positive number of beats")]
    [InlineData("out.png", new[] { "--cell", "0" }, "--cell 0: a cell needs at least one pixel")]
    [InlineData("out.png", new[] { "--tune", "2" }, "{in}: --tune picks a tune of an ABC file, and this is a MIDI file")]
    public void RefusedWithOneLineAndNothingWritten(string outName, string[] options, string message)
    {
        var output = Path.Combine(_dir, outName);
        var (code, stdout, stderr) = MidiCommandTests.Invoke(["midi", "ssm", Song, "--out", output, .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {message.Replace("{out}", output).Replace("{in}", Song)}\n", stderr);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void CorruptInputLeavesTheOldImage()
    {
        var corrupt = Path.Combine(_dir, "corrupt.mid");
        File.WriteAllBytes(corrupt, [.. "MThd"u8, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, .. "MTrk"u8, 0, 0, 0, 4, 0x00, 0x3C, 0x40, 0x00]);
        var output = Path.Combine(_dir, "old.png");
        File.WriteAllText(output, "the old file");
        var (code, _, stderr) = MidiCommandTests.Invoke("midi", "ssm", corrupt, "--out", output);
        Assert.Equal(2, code);
        Assert.Equal($"error: {corrupt}: data byte 0x3C with no running status (offset 23)\n", stderr);
        Assert.Equal("the old file", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(_dir).Length); // no temporary file beside them
    }

    /// <summary>Pillow's decoding of <paramref name="image"/>: 8-bit gray, (size × cell)², every pixel round(255 · similarity).</summary>
    private static void AssertImage(string image, SelfSimilarityMatrix matrix, int cell)
    {
        const string script = "import sys\nfrom PIL import Image\nim = Image.open(sys.argv[1])\nprint(im.mode, im.size[0], im.size[1], im.tobytes().hex())\n";
        var fields = PythonRunner.RunCode(script, image).Trim().Split(' ');
        var side = matrix.Size * cell;
        Assert.Equal(["L", $"{side}", $"{side}"], fields[..3]);
        var expected = new byte[side * side];
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
                expected[y * side + x] = (byte)Math.Round(255 * Math.Clamp(matrix[y / cell, x / cell], 0, 1));
        Assert.Equal(Convert.ToHexStringLower(expected), fields[3]);
        Assert.Contains(matrix.Values, v => v is > 0.05 and < 0.95); // not a blank or uniform picture
    }
}
