using System.Buffers.Binary;
using System.Globalization;
using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class WavFileTests : IClassFixture<RenderedSongFixture>
{
    private readonly RenderedSongFixture _song;

    public WavFileTests(RenderedSongFixture song) => _song = song;

    public static TheoryData<WavSampleFormat, int, bool> Layouts()
    {
        var data = new TheoryData<WavSampleFormat, int, bool>();
        foreach (var format in Enum.GetValues<WavSampleFormat>())
        {
            foreach (var channels in new[] { 1, 2 })
            {
                data.Add(format, channels, false);
                data.Add(format, channels, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void SamplesOnTheFormatGridRoundTripExactly(WavSampleFormat format, int channels, bool extensible)
    {
        using var dir = new TempFolder("euterpe-audio-");
        // An odd frame count makes 24-bit mono data odd-sized, exercising the pad byte.
        var audio = GridAudio(format, channels, 1001, seed: channels);
        var path = dir.File("x.wav");
        WavFile.Write(path, audio, format, extensible);

        var read = WavFile.Read(path, out var readFormat);
        Assert.Equal(format, readFormat);
        Assert.Equal(44100, read.SampleRate);
        Assert.Equal(channels, read.ChannelCount);
        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(audio.Channels[c], read.Channels[c]);
        }

        // RIFF size must match the file (including a pad byte when the data size is odd).
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1.0 / 65536)]
    [InlineData(WavSampleFormat.Pcm24, 1.0 / 16777216)]
    public void IntegerFormatsRoundToTheNearestStepAndClip(WavSampleFormat format, double halfStep)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var samples = SignalMath.Noise(5000, seed: 3, amplitude: 0.99);
        samples[0] = 1.5f;
        samples[1] = -1.5f;
        WavFile.Write(dir.File("q.wav"), AudioBuffer.Mono(8000, samples), format);
        var read = WavFile.Read(dir.File("q.wav")).Channels[0];

        Assert.InRange(read[0], 0.9999, 1.0);
        Assert.Equal(-1.0f, read[1]);
        for (var i = 2; i < samples.Length; i++)
        {
            Assert.True(Math.Abs(read[i] - samples[i]) <= halfStep * 1.0001, $"sample {i}: {samples[i]} read back as {read[i]}");
        }
    }

    [Fact]
    public void UnknownChunksAreSkippedIncludingOddSizedOnes()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var audio = GridAudio(WavSampleFormat.Pcm16, 2, 100, seed: 9);
        var stream = new MemoryStream();
        WavFile.Write(stream, audio, WavSampleFormat.Pcm16);
        var plain = stream.ToArray();

        // Insert a 3-byte chunk (plus its pad byte) and an empty one between fmt and data.
        var extra = new byte[] { (byte)'j', (byte)'u', (byte)'n', (byte)'k', 3, 0, 0, 0, 1, 2, 3, 0, (byte)'L', (byte)'I', (byte)'S', (byte)'T', 0, 0, 0, 0 };
        var patched = plain[..36].Concat(extra).Concat(plain[36..]).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(patched.AsSpan(4), patched.Length - 8);
        File.WriteAllBytes(dir.File("chunks.wav"), patched);

        var read = WavFile.Read(dir.File("chunks.wav"));
        Assert.Equal(audio.Channels[0], read.Channels[0]);
        Assert.Equal(audio.Channels[1], read.Channels[1]);
    }

    [Fact]
    public void Rf64FileReadsAsSoxDecodesIt()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var audio = GridAudio(WavSampleFormat.Pcm16, 2, 1000, seed: 8);
        var stream = new MemoryStream();
        WavFile.Write(stream, audio, WavSampleFormat.Pcm16);
        var rf64 = AsRf64(stream.ToArray());
        var path = dir.File("long.wav");
        File.WriteAllBytes(path, rf64);

        var read = WavFile.Read(path);
        Assert.Equal(audio.Channels[0], read.Channels[0]);
        Assert.Equal(audio.Channels[1], read.Channels[1]);
        Assert.Equal(ExternalTools.SoxDecode(path, dir.Root), read.ToInterleaved());

        // RF64 sizes live in ds64, so a cut file is found short while reading the samples.
        var cut = dir.File("cut.wav");
        File.WriteAllBytes(cut, rf64[..^100]);
        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(cut));
        Assert.StartsWith(cut + ": truncated", error.Message);
    }

    [Fact]
    public void FluidsynthRenderReadsAsSoxDecodesIt()
    {
        var ours = WavFile.Read(_song.WavPath, out var format);
        var sox = ExternalTools.SoxDecode(_song.WavPath, _song.TempDir);

        Assert.Equal(WavSampleFormat.Pcm16, format);
        Assert.Equal(RenderedSongFixture.SampleRate, ours.SampleRate);
        Assert.Equal(2, ours.ChannelCount);
        Assert.True(ours.Length > 10 * RenderedSongFixture.SampleRate, "the render should be a real song");
        Assert.Equal(sox, ours.ToInterleaved());
    }

    [Theory]
    [InlineData("-b", "24", WavSampleFormat.Pcm24)]
    [InlineData("-e", "floating-point", WavSampleFormat.Float32)]
    [InlineData("-b", "16", WavSampleFormat.Pcm16)]
    public void SoxConversionsOfTheRenderReadBackToTheSameSamples(string option, string value, WavSampleFormat expected)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var converted = dir.File("converted.wav");
        // sox writes 24-bit as WAVE_FORMAT_EXTENSIBLE and float with a fact chunk; 16-bit samples convert exactly.
        ProcessRunner.Output("sox", "-D", _song.WavPath, option, value, converted, "trim", "0", "5");
        var original = WavFile.Read(_song.WavPath);
        var read = WavFile.Read(converted, out var format);

        Assert.Equal(expected, format);
        Assert.Equal(5 * RenderedSongFixture.SampleRate, read.Length);
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(original.Channels[c].AsSpan(0, read.Length).ToArray(), read.Channels[c]);
        }
    }

    [Fact]
    public void SoxDefaultThirtyTwoBitPcmReadsAsSoxDecodesIt()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = dir.File("sine.wav");
        // What `sox -n x.wav synth` writes by default: 32-bit signed integer PCM, WAVE_FORMAT_EXTENSIBLE, 48 kHz.
        ProcessRunner.Output("sox", "-n", path, "synth", "1", "sine", "440");
        Assert.Equal("32", ProcessRunner.Output("soxi", "-b", path).Trim());
        Assert.Equal("Signed Integer PCM", ProcessRunner.Output("soxi", "-e", path).Trim());

        var read = WavFile.Read(path, out var format);
        Assert.Equal(WavSampleFormat.Pcm32, format);
        Assert.Equal(48000, read.SampleRate);
        Assert.Equal(48000, read.Length);
        // 32 bits do not fit a float: ours rounds each integer to nearest, sox's float output can be one float step off.
        var sox = ExternalTools.SoxDecode(path, dir.Root);
        Assert.Equal(sox.Length, read.Length);
        Assert.True(SignalMath.MaxAbsDifference(sox, read.Channels[0]) <= 1.0 / (1 << 24), "more than one float step from sox");
        Assert.InRange(read.Channels[0].Max(), 0.99, 1.0);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1, false, "16", "Signed Integer PCM")]
    [InlineData(WavSampleFormat.Pcm24, 2, false, "24", "Signed Integer PCM")]
    [InlineData(WavSampleFormat.Pcm24, 2, true, "24", "Signed Integer PCM")]
    [InlineData(WavSampleFormat.Float32, 2, false, "32", "Floating Point PCM")]
    [InlineData(WavSampleFormat.Float32, 1, true, "32", "Floating Point PCM")]
    [InlineData(WavSampleFormat.Pcm32, 2, false, "32", "Signed Integer PCM")]
    [InlineData(WavSampleFormat.Pcm32, 1, true, "32", "Signed Integer PCM")]
    public void OurFilesAreReadBySox(WavSampleFormat format, int channels, bool extensible, string bits, string encoding)
    {
        using var dir = new TempFolder("euterpe-audio-");
        // sox handles samples as 32-bit integers inside: keep floats in range and allow its 2^-31 steps.
        var audio = GridAudio(format, channels, 22050, seed: 5, floatRange: 0.99);
        var path = dir.File("ours.wav");
        WavFile.Write(path, audio, format, extensible);

        Assert.Equal("44100", ProcessRunner.Output("soxi", "-r", path).Trim());
        Assert.Equal(channels.ToString(CultureInfo.InvariantCulture), ProcessRunner.Output("soxi", "-c", path).Trim());
        Assert.Equal("22050", ProcessRunner.Output("soxi", "-s", path).Trim());
        Assert.Equal(bits, ProcessRunner.Output("soxi", "-b", path).Trim());
        Assert.Equal(encoding, ProcessRunner.Output("soxi", "-e", path).Trim());
        var expected = audio.ToInterleaved();
        var decoded = ExternalTools.SoxDecode(path, dir.Root);
        Assert.Equal(expected.Length, decoded.Length);
        Assert.True(SignalMath.MaxAbsDifference(expected, decoded) <= (format == WavSampleFormat.Float32 ? 1e-7 : 0));
    }

    [Fact]
    public void MixToMonoAveragesChannels()
    {
        var left = SignalMath.Noise(300, seed: 1);
        var right = SignalMath.Noise(300, seed: 2);
        var mono = new AudioBuffer(8000, [left, right]).MixToMono();
        var interleavedMono = new float[300];
        AudioMix.InterleavedToMono(new AudioBuffer(8000, [left, right]).ToInterleaved(), 2, interleavedMono);
        for (var i = 0; i < mono.Length; i++)
        {
            Assert.True(Math.Abs((left[i] + (double)right[i]) / 2 - mono[i]) < 1e-7);
            Assert.True(Math.Abs(mono[i] - interleavedMono[i]) < 1e-7);
        }

        Assert.Equal(left, AudioBuffer.Mono(8000, left).MixToMono());
    }

    /// <summary>
    /// A 16-bit PCM file from our writer (RIFF header, 16-byte fmt chunk, data) rewritten as RF64: "RF64" with the size
    /// 0xFFFFFFFF, a ds64 chunk holding the real RIFF and data sizes and the frame count, data size 0xFFFFFFFF.
    /// </summary>
    internal static byte[] AsRf64(byte[] plain)
    {
        var dataBytes = plain.Length - 44;
        var ds64 = new byte[36];
        "ds64"u8.CopyTo(ds64);
        BinaryPrimitives.WriteUInt32LittleEndian(ds64.AsSpan(4), 28);
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), plain.Length + ds64.Length - 8);
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(16), dataBytes);
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(24), dataBytes / 4);
        byte[] rf64 = [.. plain[..12], .. ds64, .. plain[12..]];
        "RF64"u8.CopyTo(rf64);
        BinaryPrimitives.WriteUInt32LittleEndian(rf64.AsSpan(4), uint.MaxValue);
        Assert.True(rf64.AsSpan(72, 4).SequenceEqual("data"u8));
        BinaryPrimitives.WriteUInt32LittleEndian(rf64.AsSpan(76), uint.MaxValue);
        return rf64;
    }

    /// <summary>Random samples exactly representable in <paramref name="format"/>.</summary>
    internal static AudioBuffer GridAudio(WavSampleFormat format, int channels, int frames, int seed, double floatRange = 1.1)
    {
        var random = new Random(seed);
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                planar[c][i] = format switch
                {
                    WavSampleFormat.Pcm16 => random.Next(-32768, 32768) / 32768f,
                    WavSampleFormat.Pcm24 => random.Next(-8388608, 8388608) / 8388608f,
                    // 32-bit PCM reads back as float32: keep to the 24 bits a float holds.
                    WavSampleFormat.Pcm32 => random.Next(-16777216, 16777216) / 16777216f,
                    _ => (float)((random.NextDouble() * 2 - 1) * floatRange),
                };
            }
        }

        return new AudioBuffer(44100, planar);
    }
}
