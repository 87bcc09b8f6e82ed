namespace Euterpe.Cli.Tests;

/// <summary><c>data prepare --encoding fft-frames</c> on audio rendered by scripts/render-audio-corpus.sh.</summary>
public sealed class AudioDataPrepareTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Rendered_songs_become_a_frame_cache_and_a_broken_wav_is_skipped()
    {
        var audio = _cli.Path("audio");
        var render = ProcessRunner.Run("bash", [RepositoryRoot.Combine("scripts", "render-audio-corpus.sh"), audio, "2", "3"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(render.ExitCode == 0, render.Stderr); // a few sox warnings at most
        Assert.Equal(2, render.Stdout.Trim().Split('\n').Length);
        File.WriteAllText(Path.Combine(audio, "broken.wav"), "not a wav");
        var cache = _cli.Path("cache");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--layout", "gruv", "--out", cache, "--validation-fraction", "0.34");
        Assert.Equal(0, code);
        Assert.Contains("(fft-frames, gruv, frame 4000, hop 4000, 8000 floats per frame)", stdout);
        Assert.Contains("skipped: 1 file(s)", stdout);
        Assert.Contains("skipped: broken.wav: ", stderr);
        Assert.True(File.Exists(Path.Combine(cache, "train.frames.npy")));

        // With no --layout, the framing of the shipped fft-lstm preset, so a model trained on the cache can replace it.
        (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--out", _cli.Path("default"));
        Assert.True(code == 0, stderr);
        var shipped = Euterpe.Core.Presets.Preset.Open(RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx")).OnnxManifest.Audio!;
        Assert.Contains($"(fft-frames, {shipped.FrameLayout}, frame {shipped.FrameSize}, hop {shipped.Hop}, ", stdout);

        (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--layout", "mel", "--out", _cli.Path("c2"));
        Assert.Equal(2, code);
        Assert.Equal("error: --layout: 'mel' is not gruv or stft\n", stderr);
    }
}
