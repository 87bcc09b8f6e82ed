using System.Diagnostics;

namespace Euterpe.Cli.Tests;

/// <summary><c>data prepare --encoding fft-frames</c> on audio rendered by scripts/render-audio-corpus.sh.</summary>
public sealed class AudioDataPrepareTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Script()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "scripts", "render-audio-corpus.sh"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        return Path.Combine(dir, "scripts", "render-audio-corpus.sh");
    }

    [Fact]
    public void Rendered_songs_become_a_frame_cache_and_a_broken_wav_is_skipped()
    {
        var audio = _cli.Path("audio");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Script(), audio, "2", "3" }) info.ArgumentList.Add(a);
        using (var p = Process.Start(info)!)
        {
            var written = p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd(); // a few sox warnings at most
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
            Assert.Equal(2, written.Trim().Split('\n').Length);
        }
        File.WriteAllText(Path.Combine(audio, "broken.wav"), "not a wav");
        var cache = _cli.Path("cache");
        var (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--out", cache, "--validation-fraction", "0.34");
        Assert.Equal(0, code);
        Assert.Contains("(fft-frames, gruv, frame 4000, hop 4000, 8000 floats per frame)", stdout);
        Assert.Contains("skipped: 1 file(s)", stdout);
        Assert.Contains("skipped: broken.wav: ", stderr);
        Assert.True(File.Exists(Path.Combine(cache, "train.frames.npy")));

        (code, stdout, stderr) = DataCli.Invoke("data", "prepare", "--data", audio, "--encoding", "fft-frames", "--layout", "mel", "--out", _cli.Path("c2"));
        Assert.Equal(2, code);
        Assert.Equal("error: --layout: 'mel' is not gruv or stft\n", stderr);
    }
}
