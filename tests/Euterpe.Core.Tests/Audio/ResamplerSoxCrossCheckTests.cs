using System.Globalization;
using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

/// <summary>Our resampler against sox's (an independent very-high-quality implementation) on real audio.</summary>
public class ResamplerSoxCrossCheckTests : IClassFixture<RenderedSongFixture>
{
    private readonly RenderedSongFixture _song;

    public ResamplerSoxCrossCheckTests(RenderedSongFixture song) => _song = song;

    [Theory]
    [InlineData(48000)]
    [InlineData(44100)]
    [InlineData(11025)]
    public void AgreesWithSoxRateOnBandLimitedMusic(int targetRate)
    {
        using var dir = new TempFolder("euterpe-audio-");
        // Three seconds of the song as float mono, low-passed by sox below 4 kHz so that both resamplers'
        // passbands hold all of it and their different transition bands do not matter.
        var source = dir.File("source.wav");
        ProcessRunner.Output("sox", "-D", _song.WavPath, "-e", "floating-point", "-b", "32", source, "remix", "1", "trim", "30", "3", "sinc", "-4k");
        var theirs = dir.File("theirs.wav");
        ProcessRunner.Output("sox", "-D", source, "-e", "floating-point", "-b", "32", theirs, "rate", "-v", targetRate.ToString(CultureInfo.InvariantCulture));

        var input = WavFile.Read(source);
        var ours = SincResampler.Resample(input, targetRate).Channels[0];
        var reference = WavFile.Read(theirs).Channels[0];

        Assert.Equal(targetRate, WavFile.Read(theirs).SampleRate);
        var length = Math.Min(ours.Length, reference.Length);
        Assert.InRange(length, 3 * targetRate - 2, 3 * targetRate + 2);
        // Skip the ends, where the two treat the signal's edges differently.
        var edge = targetRate / 10;
        var snr = SignalMath.SnrDb(reference, ours, edge, length - edge);
        Assert.True(snr >= 95, $"ours vs sox: {snr:F1} dB");
    }
}
