using System.Buffers.Binary;
using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class WavCorruptionTests : IClassFixture<RenderedSongFixture>
{
    private readonly RenderedSongFixture _song;

    public WavCorruptionTests(RenderedSongFixture song) => _song = song;

    [Theory]
    [InlineData("-b 8", "8-bit")]
    [InlineData("-e ms-adpcm", "ADPCM")]
    [InlineData("-e ima-adpcm", "ADPCM")]
    [InlineData("-e u-law", "0x0007")]
    [InlineData("-e floating-point -b 64", "64-bit float")]
    [InlineData("-c 3", "3 channels")]
    public void UnsupportedEncodingsWrittenBySoxAreRejected(string options, string problem)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = dir.File("bad.wav");
        var args = new List<string> { "-D", _song.WavPath };
        args.AddRange(options.Split(' '));
        args.AddRange([path, "trim", "0", "0.5"]);
        ProcessRunner.Output("sox", [.. args]);

        AssertRejected(path, problem);
    }

    [Fact]
    public void TruncatedDataIsRejected()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var bytes = File.ReadAllBytes(_song.WavPath);
        var path = dir.File("cut.wav");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertRejected(path, "truncated");
    }

    [Fact]
    public void NonSeekableTruncatedStreamIsRejected()
    {
        var bytes = File.ReadAllBytes(_song.WavPath)[..5000];
        using var stream = new ForwardOnlyStream(bytes);
        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(stream, "pipe", out _));
        Assert.StartsWith("pipe: truncated", error.Message);
    }

    [Fact]
    public void TextFileIsNotAWav()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = dir.File("notes.wav");
        File.WriteAllText(path, "this is not audio, just some text that is long enough");
        AssertRejected(path, "not a WAV file");
    }

    [Fact]
    public void EmptyFileIsNotAWav()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = dir.File("empty.wav");
        File.WriteAllBytes(path, []);
        AssertRejected(path, "not a WAV file");
    }

    [Fact]
    public void MissingFileIsReportedAsAWavError()
    {
        using var dir = new TempFolder("euterpe-audio-");
        AssertRejected(dir.File("absent.wav"), "cannot open");
    }

    [Fact]
    public void HeaderDamageIsRejected()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var good = Written(WavSampleFormat.Pcm16, 2);

        var notWave = (byte[])good.Clone();
        "AVI "u8.CopyTo(notWave.AsSpan(8));
        AssertRejected(Save(dir, "avi.wav", notWave), "not WAVE");

        var rifx = (byte[])good.Clone();
        "RIFX"u8.CopyTo(rifx);
        AssertRejected(Save(dir, "rifx.wav", rifx), "RIFX");

        var badAlign = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(badAlign.AsSpan(32), 3);
        AssertRejected(Save(dir, "align.wav", badAlign), "block align");

        var noData = good[..36];
        BinaryPrimitives.WriteInt32LittleEndian(noData.AsSpan(4), noData.Length - 8);
        AssertRejected(Save(dir, "nodata.wav", noData), "no data chunk");

        // Data chunk first: swap the order so fmt is missing when data arrives.
        var dataFirst = good[..12].Concat(good[36..]).Concat(good[12..36]).ToArray();
        AssertRejected(Save(dir, "datafirst.wav", dataFirst), "data chunk before fmt chunk");

        var hugeFmt = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(hugeFmt.AsSpan(16), 0x7FFFFFF0);
        AssertRejected(Save(dir, "hugefmt.wav", hugeFmt), "implausible size");

        var oddData = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(oddData.AsSpan(40), 7);
        AssertRejected(Save(dir, "odd.wav", oddData), "not a multiple of the frame size");

        // NAudio stops walking chunks at the RIFF size: one that ends inside fmt hides the data chunk from it.
        var shortRiff = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(shortRiff.AsSpan(4), 20);
        AssertRejected(Save(dir, "shortriff.wav", shortRiff), "unreadable WAV");

        var hugeData = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(hugeData.AsSpan(40), 0xFFFFFFF0);
        AssertRejected(Save(dir, "hugedata.wav", hugeData), "truncated");
    }

    [Fact]
    public void ExtensibleWithUnknownSubformatIsRejected()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var bytes = Written(WavSampleFormat.Pcm16, 1, extensible: true);
        bytes[20 + 26] ^= 0xFF; // corrupt the GUID tail
        AssertRejected(Save(dir, "guid.wav", bytes), "sub-format GUID");
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 2, false)]
    [InlineData(WavSampleFormat.Pcm24, 1, true)]
    [InlineData(WavSampleFormat.Float32, 2, false)]
    [InlineData(WavSampleFormat.Float32, 1, true)]
    public void EveryDamagedHeaderByteReadsOrGivesOneLine(WavSampleFormat format, int channels, bool extensible)
    {
        // Found this way: NAudio throws ArgumentOutOfRangeException for an extensible fmt with 0 channels.
        var good = Written(format, channels, extensible);
        var headerBytes = good.Length - 64 * channels * (format == WavSampleFormat.Pcm16 ? 2 : format == WavSampleFormat.Pcm24 ? 3 : 4);
        var outcomes = new HashSet<string>();
        for (var at = 0; at < headerBytes; at++)
        {
            foreach (var value in new byte[] { 0x00, 0xFF, 0x80, (byte)(good[at] + 1), (byte)(good[at] ^ 0x40) })
            {
                var bytes = (byte[])good.Clone();
                bytes[at] = value;
                try
                {
                    WavFile.Read(new MemoryStream(bytes), "damaged", out _);
                    outcomes.Add("read");
                }
                catch (WavFormatException e)
                {
                    Assert.StartsWith("damaged: ", e.Message);
                    Assert.DoesNotContain('\n', e.Message);
                    outcomes.Add(e.Message.Split(' ')[1]);
                }
            }
        }

        // Both outcomes occur: some header bytes (rates, reserved fields) read fine when changed, most do not.
        Assert.Contains("read", outcomes);
        Assert.True(outcomes.Count > 5, string.Join(", ", outcomes));
    }

    private static byte[] Written(WavSampleFormat format, int channels, bool extensible = false)
    {
        var stream = new MemoryStream();
        WavFile.Write(stream, WavFileTests.GridAudio(format, channels, 64, seed: 1), format, extensible);
        return stream.ToArray();
    }

    private static string Save(TempFolder dir, string name, byte[] bytes)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertRejected(string path, string problem)
    {
        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(path));
        Assert.IsAssignableFrom<EuterpeException>(error);
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    /// <summary>A stream that cannot seek, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
