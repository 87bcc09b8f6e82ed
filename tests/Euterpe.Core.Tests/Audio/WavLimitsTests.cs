using System.Buffers.Binary;
using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

/// <summary>
/// Headers and samples that are well-formed but absurd: sample rates the resampler would blow up, RF64 sizes larger
/// than the file, float samples that are not audio. Each is one <c>FILE: problem</c> line, found before allocating.
/// </summary>
public class WavLimitsTests
{
    /// <summary>A 2 s, 8 kHz, 16-bit mono pluck written by sox (real audio); the fmt chunk is at byte 12.</summary>
    private static string SoxPluck(TempFolder dir, string name, params string[] format)
    {
        var path = dir.File(name);
        ProcessRunner.Output("sox", ["-n", "-r", "8000", "-c", "1", .. format, path, "synth", "2", "pluck", "C4"]);
        return path;
    }

    /// <summary>Rewrites the sample rate (and byte rate) of a plain 16-byte-fmt or extensible WAV written by sox.</summary>
    private static void SetSampleRate(string path, uint rate)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(12, 4).SequenceEqual("fmt "u8));
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), rate * blockAlign);
        File.WriteAllBytes(path, bytes);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(7u)]
    [InlineData(3999u)]
    [InlineData(1_000_001u)]
    [InlineData(uint.MaxValue)]
    public void SampleRateOutsideWhatTheResamplerHandlesIsRefused(uint rate)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = SoxPluck(dir, "rate.wav");
        SetSampleRate(path, rate);

        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(path));
        Assert.Equal($"{path}: sample rate {rate} Hz is outside 4000…1000000 Hz", error.Message);
    }

    [Theory]
    [InlineData(4000u)]
    [InlineData(1_000_000u)]
    public void SampleRatesAtTheLimitsRead(uint rate)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = SoxPluck(dir, "rate.wav");
        SetSampleRate(path, rate);

        var read = WavFile.Read(path);
        Assert.Equal((int)rate, read.SampleRate);
        Assert.Equal(16000, read.Length);
    }

    [Fact]
    public void Rf64DataSizeBeyondTheFileIsRefusedWithoutAllocatingIt()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var stream = new MemoryStream();
        WavFile.Write(stream, WavFileTests.GridAudio(WavSampleFormat.Pcm16, 2, 1000, seed: 4), WavSampleFormat.Pcm16);
        var rf64 = WavFileTests.AsRf64(stream.ToArray());
        // ds64's data size (at byte 28): 256 MiB declared in a 4 KB file, which would be 512 MiB of float samples.
        BinaryPrimitives.WriteInt64LittleEndian(rf64.AsSpan(28), 256L << 20);
        var path = dir.File("huge.wav");
        File.WriteAllBytes(path, rf64);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal($"{path}: truncated: data chunk declares {256L << 20} bytes but only 4000 follow", error.Message);
        Assert.True(allocated < 4 << 20, $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData(float.NaN, "float sample 3 of channel 2 is NaN (float samples must be finite)")]
    [InlineData(float.PositiveInfinity, "float sample 3 of channel 2 is Infinity (float samples must be finite)")]
    [InlineData(float.NegativeInfinity, "float sample 3 of channel 2 is -Infinity (float samples must be finite)")]
    [InlineData(3e38f, "float sample 3 of channel 2 is 3.00000001E+38, beyond ±1000 (broken data)")]
    [InlineData(-1000.5f, "float sample 3 of channel 2 is -1000.5, beyond ±1000 (broken data)")]
    public void FloatSamplesThatAreNotAudioAreRefused(float bad, string problem)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = SoxPluck(dir, "float.wav", "-e", "floating-point", "-b", "32");
        var audio = WavFile.Read(path);
        var stereo = new AudioBuffer(audio.SampleRate, [audio.Channels[0], (float[])audio.Channels[0].Clone()]);
        stereo.Channels[1][3] = bad;
        WavFile.Write(path, stereo, WavSampleFormat.Float32);

        var error = Assert.Throws<WavFormatException>(() => WavFile.Read(path));
        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void HotButFiniteFloatSamplesRead()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var path = SoxPluck(dir, "float.wav", "-e", "floating-point", "-b", "32");
        var samples = WavFile.Read(path).Channels[0];
        samples[0] = 1000f;
        samples[1] = -1.5f;
        WavFile.Write(path, AudioBuffer.Mono(8000, samples), WavSampleFormat.Float32);

        Assert.Equal(samples, WavFile.Read(path).Channels[0]);
    }
}
