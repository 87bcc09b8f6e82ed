using System.IO.Compression;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Evaluation;

public class SelfSimilarityTests
{
    private static NoteSequence AbaBars()
    {
        // Bars: C major, D minor, C major, C-E-A, then an empty bar before a final C.
        var seq = new NoteSequence();
        int[][] bars = [[60, 64, 67], [62, 65, 69], [60, 64, 67], [60, 64, 69], [], [60]];
        for (var b = 0; b < bars.Length; b++)
            foreach (var p in bars[b]) seq.AddNote(p, 90, b * 1920, (b + 1) * 1920);
        return seq;
    }

    [Fact]
    public void RepeatedBarsAreIdenticalAndDisjointHarmoniesOrthogonal()
    {
        var m = SelfSimilarityMatrix.PerBar(AbaBars());
        Assert.Equal(6, m.Size);
        for (var i = 0; i < 6; i++) Assert.Equal(1, m[i, i], 12);
        Assert.Equal(1, m[0, 2], 12);
        Assert.Equal(0, m[0, 1], 12);
        Assert.Equal(2.0 / 3, m[0, 3], 12);     // two of three equal-weight pitch classes shared
        Assert.Equal(1 / Math.Sqrt(3), m[0, 5], 12);
        Assert.Equal(0, m[0, 4]);                // sound against silence
        for (var i = 0; i < 6; i++) for (var j = 0; j < 6; j++) Assert.Equal(m[i, j], m[j, i]);
    }

    [Fact]
    public void WindowsOfTwoBeatsSplitEachBar()
    {
        var m = SelfSimilarityMatrix.PerWindow(AbaBars(), 2);
        Assert.Equal(12, m.Size);
        Assert.Equal(1, m[0, 1], 12);
        Assert.Equal(0, m[0, 2], 12);
    }

    [Fact]
    public void LongPiecesGetImagesOfBoundedSize()
    {
        var seq = new NoteSequence();
        for (var bar = 0; bar < 1500; bar++) seq.AddNote(60 + bar % 12, 90, bar * 1920L, bar * 1920L + 480);
        var m = SelfSimilarityMatrix.PerBar(seq);
        Assert.Equal(1500, m.Size);
        Assert.Equal(1, m[0, 12], 12);
        Assert.Equal(0, m[0, 1], 12);
        var image = m.ToImage(cellPixels: 4);
        Assert.Equal(3000, image.Width); // 4 px per cell would pass 4096, so two per cell
        Assert.Equal(255, image[2 * 12 + 1, 1]);
        Assert.Equal(0, image[2 * 12 + 2, 1]);
    }

    [Fact]
    public void SheetDrawsEachPieceInAPanelOfTheSameSizeRowByRow()
    {
        var scale = TestPiecesForSheet.Bars(12);
        var silent = new NoteSequence();
        var image = SelfSimilaritySheet.Draw([[AbaBars(), scale], [silent]], panelPixels: 60, gutterPixels: 4);
        Assert.Equal(4 + 2 * 64, image.Width);
        Assert.Equal(4 + 2 * 64, image.Height);
        Assert.Equal(SelfSimilaritySheet.GutterGray, image[0, 0]);
        // First panel: six bars, ten pixels a bar; bars 1 and 3 are the same chord, bars 1 and 2 share nothing.
        Assert.Equal(255, image[4 + 25, 4 + 5]);
        Assert.Equal(0, image[4 + 15, 4 + 5]);
        // Second panel: twelve bars of one pitch class each, only the diagonal is white.
        Assert.Equal(255, image[68 + 2, 4 + 2]);
        Assert.Equal(0, image[68 + 7, 4 + 2]);
        // The silent piece has no bars: its panel stays gutter-gray, as does the missing second panel of its row.
        Assert.Equal(SelfSimilaritySheet.GutterGray, image[4 + 30, 68 + 30]);
        Assert.Equal(SelfSimilaritySheet.GutterGray, image[68 + 30, 68 + 30]);
    }

    private static class TestPiecesForSheet
    {
        public static NoteSequence Bars(int count)
        {
            var seq = new NoteSequence();
            for (var bar = 0; bar < count; bar++) seq.AddNote(60 + bar, 90, bar * 1920L, bar * 1920L + 960);
            return seq;
        }
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, GrayscaleImage.Crc32("123456789"u8));
    }

    [Fact]
    public void PngChunksAreWellFormedAndInflateToThePixels()
    {
        var image = SelfSimilarityMatrix.PerBar(AbaBars()).ToImage(cellPixels: 3);
        Assert.Equal(18, image.Width);
        Assert.Equal(255, image[0, 0]);
        Assert.Equal(0, image[3, 0]);
        Assert.Equal(170, image[9, 0]); // 2/3 of white
        var png = image.ToPng();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var pos = 8;
        var types = new List<string>();
        byte[]? idat = null;
        while (pos < png.Length)
        {
            var length = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var crc = (uint)((png[pos + 8 + length] << 24) | (png[pos + 9 + length] << 16) | (png[pos + 10 + length] << 8) | png[pos + 11 + length]);
            Assert.Equal(BitwiseCrc(png.AsSpan(pos + 4, 4 + length)), crc);
            if (type == "IDAT") idat = png[(pos + 8)..(pos + 8 + length)];
            types.Add(type);
            pos += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        using var z = new ZLibStream(new MemoryStream(idat!), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(18 * 19, rows.Length);
        for (var y = 0; y < 18; y++)
        {
            Assert.Equal(0, rows[y * 19]);
            Assert.Equal(image.Pixels.AsSpan(y * 18, 18).ToArray(), rows.AsSpan(y * 19 + 1, 18).ToArray());
        }
    }

    [Fact]
    public void PngAndPgmDecodeWithPillow()
    {
        var image = SelfSimilarityMatrix.PerBar(AbaBars()).ToImage(cellPixels: 5);
        using var dir = new TempFolder("euterpe-ssm-");
        var png = dir.File("ssm.png");
        var pgm = dir.File("ssm.pgm");
        image.Save(png);
        image.Save(pgm);
        var script = "import sys\nfrom PIL import Image\nfor p in sys.argv[1:]:\n    im = Image.open(p)\n    print(im.mode, im.size[0], im.size[1], sum(im.getdata()))\n";
        var python = PythonRunner.Run(["-c", script, png, pgm], timeout: TimeSpan.FromSeconds(30));
        Assert.True(python.ExitCode == 0, $"Pillow could not read the images (install python3-pil): {python.Stderr}");
        var expected = $"L 30 30 {image.Pixels.Sum(p => (long)p)}";
        Assert.Equal([expected, expected], python.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Throws<EuterpeException>(() => image.Save(dir.File("ssm.jpg")));
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
        }
        return ~crc;
    }
}
