using System.Buffers.Binary;
using System.Diagnostics;
using Euterpe.Core;
using Euterpe.Core.Audio;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

/// <summary>
/// WAV files an audio frame cache must not take: each is skipped with a one-line reason in skipped.txt, and a folder
/// with nothing usable is an error that writes no cache.
/// </summary>
public sealed class AudioFrameCacheSkipTests
{
    /// <summary>sox's synth (a 16 kHz sine): <paramref name="length"/> as sox reads it ("2" seconds, "100s" samples).</summary>
    private static string Sox(string folder, string name, string length, params string[] format)
    {
        var path = Path.Combine(folder, name);
        ProcessRunner.Output("sox", ["-r", "16000", "-c", "1", "-n", .. format, path, "synth", length, "sine", "440", "vol", "0.5"]);
        return path;
    }

    [Fact]
    public void Bombs_broken_samples_and_files_shorter_than_a_frame_are_skipped_with_their_reason()
    {
        using var corpus = new TempFolder("euterpe-data-");
        var audio = corpus.Path("audio");
        Directory.CreateDirectory(audio);
        Sox(audio, "good.wav", "2", "-b", "16");
        // A 64 KB file declaring 1 Hz: resampled to 16 kHz it used to become gigabytes of samples.
        var slow = Sox(audio, "one-hertz.wav", "2", "-b", "16");
        var bytes = File.ReadAllBytes(slow);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), 2);
        File.WriteAllBytes(slow, bytes);
        var nan = Sox(audio, "nan.wav", "1", "-e", "floating-point", "-b", "32");
        var samples = WavFile.Read(nan).Channels[0];
        samples[100] = float.NaN;
        WavFile.Write(nan, AudioBuffer.Mono(16000, samples), WavSampleFormat.Float32);
        WavFile.Write(Path.Combine(audio, "empty.wav"), AudioBuffer.Mono(16000, []), WavSampleFormat.Pcm16);
        Sox(audio, "one-sample.wav", "1s", "-b", "16");
        Sox(audio, "short.wav", "3999s", "-b", "16");
        Sox(audio, "eight-bit.wav", "1", "-b", "8");

        var clock = Stopwatch.StartNew();
        var cache = corpus.Path("cache");
        var manifest = AudioFrameCache.Prepare(audio, "gruv", 4000, 4000, 0, 1, cache);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(["good.wav"], manifest.TrainFiles);
        Assert.Empty(manifest.ValidationFiles);
        string[] expected =
        [
            "eight-bit.wav: 8-bit integer PCM is not supported (16, 24 or 32-bit PCM, or float32)",
            "empty.wav: 0 sample(s) at 16000 Hz, shorter than one frame of 4000",
            "nan.wav: float sample 100 is NaN (float samples must be finite)",
            "one-hertz.wav: sample rate 1 Hz is outside 4000…1000000 Hz",
            "one-sample.wav: 1 sample(s) at 16000 Hz, shorter than one frame of 4000",
            "short.wav: 3999 sample(s) at 16000 Hz, shorter than one frame of 4000",
        ];
        Assert.Equal(expected, manifest.Skipped.Select(s => $"{s.Path}: {s.Reason}"));
        Assert.Equal(string.Join("", expected.Select(line => line + "\n")), File.ReadAllText(Path.Combine(cache, "skipped.txt")));
        var train = AudioFrameCache.LoadSplit(cache, "train", manifest.FrameSize);
        Assert.Equal(8, train.FileFrames(0)); // 2 s at 16 kHz in 0.25 s frames
    }

    [Fact]
    public void A_folder_whose_only_wav_is_unsupported_is_an_error_and_writes_no_cache()
    {
        using var corpus = new TempFolder("euterpe-data-");
        var audio = corpus.Path("audio");
        Directory.CreateDirectory(audio);
        Sox(audio, "only.wav", "1", "-b", "8");
        var cache = corpus.Path("cache");

        var error = Assert.Throws<EuterpeException>(() => AudioFrameCache.Prepare(audio, "gruv", 4000, 4000, 0.1, 1, cache));

        Assert.Equal($"{audio}: no usable .wav file, 1 skipped (only.wav: 8-bit integer PCM is not supported (16, 24 or 32-bit PCM, or float32))", error.Message);
        Assert.Equal(["audio"], Directory.EnumerateFileSystemEntries(corpus.Root).Select(Path.GetFileName));
    }
}
