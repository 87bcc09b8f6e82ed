using System.Buffers.Binary;
using Euterpe.Core.Audio;

namespace Euterpe.Cli.Tests;

/// <summary>
/// WAV files that used to exhaust memory or poison a cache, through the command line: one <c>error: FILE: problem</c>
/// line naming the user's file, exit 2, nothing written.
/// </summary>
public sealed class AudioFileErrorTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertOneErrorLine(string expected, (int Code, string Stdout, string Stderr) run)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Stdout);
        // Progress lines may come first; the error is the one line that is not progress.
        var lines = run.Stderr.TrimEnd('\n').Split('\n').Where(l => !l.StartsWith("progress: ", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"error: {expected}"], lines);
    }

    [Fact]
    public void Data_prepare_of_a_folder_whose_only_wav_is_unsupported_writes_no_cache()
    {
        var audio = _cli.Path("audio");
        Directory.CreateDirectory(audio);
        ProcessRunner.Output("sox", "-n", "-b", "8", Path.Combine(audio, "only.wav"), "synth", "1", "sine", "440");
        var cache = _cli.Path("cache");

        var run = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--out", cache);

        AssertOneErrorLine($"{audio}: no usable .wav file, 1 skipped (only.wav: 8-bit integer PCM is not supported (16, 24 or 32-bit PCM, or float32))", run);
        Assert.Equal(["audio"], Directory.EnumerateFileSystemEntries(_cli.Root).Select(Path.GetFileName));
    }

    /// <summary>A copy of the shipped raw-audio preset (its seed.wav: 8 s, 16 kHz, 16-bit mono, plain fmt chunk).</summary>
    private string ShippedAudioPreset()
    {
        var preset = _cli.Path("preset");
        Directory.CreateDirectory(preset);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx")))
            File.Copy(file, Path.Combine(preset, Path.GetFileName(file)));
        return preset;
    }

    [Fact]
    public void Generate_with_a_seed_wav_holding_nan_names_the_seed_and_writes_nothing()
    {
        var seed = Path.Combine(ShippedAudioPreset(), "seed.wav");
        var audio = WavFile.Read(seed);
        audio.Channels[0][16000] = float.NaN;
        WavFile.Write(seed, audio, WavSampleFormat.Float32);
        var output = _cli.Path("a.wav");

        var run = DataCli.Invoke("generate", _cli.Path("preset"), "--seconds", "1", "--out", output);

        AssertOneErrorLine($"{seed}: float sample 16000 is NaN (float samples must be finite)", run);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(1u, "sample rate 1 Hz is outside 4000…1000000 Hz")]
    [InlineData(7u, "sample rate 7 Hz is outside 4000…1000000 Hz")]
    public void Generate_with_a_seed_wav_at_an_absurd_rate_names_the_seed_and_writes_nothing(uint rate, string problem)
    {
        // The shipped seed.wav relabelled: resampling its 128,000 samples from 1 Hz to 16 kHz used to hang generate.
        var preset = ShippedAudioPreset();
        var seed = Path.Combine(preset, "seed.wav");
        var bytes = File.ReadAllBytes(seed);
        Assert.Equal(16000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), rate * 2);
        File.WriteAllBytes(seed, bytes);
        var output = _cli.Path("a.wav");

        var run = DataCli.Invoke("generate", preset, "--seconds", "1", "--out", output);

        AssertOneErrorLine($"{seed}: {problem}", run);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(0, "0 sample(s) at 16000 Hz, shorter than one frame of 512")]
    [InlineData(16000, "silent (every sample is 0); a seed starts generation from real audio")]
    public void Generate_with_an_empty_or_silent_seed_wav_names_the_seed_and_writes_nothing(int samples, string problem)
    {
        // Both used to generate from nothing and exit 0.
        var seed = Path.Combine(ShippedAudioPreset(), "seed.wav");
        WavFile.Write(seed, AudioBuffer.Mono(16000, new float[samples]), WavSampleFormat.Pcm16);
        var output = _cli.Path("a.wav");

        var run = DataCli.Invoke("generate", _cli.Path("preset"), "--seconds", "1", "--out", output);

        AssertOneErrorLine($"{seed}: {problem}", run);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Data_prepare_skips_a_silent_wav_and_says_why()
    {
        var audio = _cli.Path("audio");
        Directory.CreateDirectory(audio);
        WavFile.Write(Path.Combine(audio, "silent.wav"), AudioBuffer.Mono(16000, new float[32000]), WavSampleFormat.Pcm16);
        var cache = _cli.Path("cache");

        var run = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--out", cache);

        AssertOneErrorLine($"{audio}: no usable .wav file, 1 skipped (silent.wav: silent (every sample is 0))", run);
        Assert.False(Directory.Exists(cache));
    }
}
