using System.Globalization;
using Euterpe.Core.Audio;
using Euterpe.Core.Evaluation;

namespace Euterpe.Cli.Tests;

/// <summary><c>euterpe audio info</c>: one table row per WAV file with the audio metrics; a bad file is one error line and no table.</summary>
public sealed class AudioInfoCommandTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void PrintsTheMetricsOfEachFile()
    {
        var seed = RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx", "seed.wav");
        var (code, stdout, stderr) = DataCli.Invoke("audio", "info", seed);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("| file | seconds | spectral flatness", lines[0]);
        var m = AudioMetrics.Measure(WavFile.Read(seed));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
            $"| {seed} | 8.00 | {m.SpectralFlatness:F4} | {m.FrameRmsSpreadDb:F2} | {m.OnsetsPerSecond:F2} | 100 % |"), lines[2]);
    }

    [Fact]
    public void ABadFileIsOneErrorLine()
    {
        var bad = _cli.Path("bad.wav");
        File.WriteAllText(bad, "not a wav");
        var seed = RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx", "seed.wav");
        var (code, stdout, stderr) = DataCli.Invoke("audio", "info", seed, bad);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {bad}: ", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
