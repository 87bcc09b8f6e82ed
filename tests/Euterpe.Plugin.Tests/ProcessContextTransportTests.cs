using Euterpe.Plugin.Instrument;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>What the instrument hands playback from a ProcessContext: the host's values where its state flags vouch for them.</summary>
public unsafe class ProcessContextTransportTests
{
    [Fact]
    public void NoContextIsAnUnknownTransport()
    {
        var transport = ProcessContextTransport.Read(null, 256, 44100);
        Assert.False(transport.IsKnown);
        Assert.Equal((256, 44100.0), (transport.Frames, transport.SampleRate));
    }

    [Fact]
    public void FlaggedValuesPassAndUnflaggedOnesAreMissing()
    {
        var context = new ProcessContext
        {
            Tempo = 90, ProjectTimeMusic = 7.5, ProjectTimeSamples = 96000, TimeSigNumerator = 6, TimeSigDenominator = 8,
            State = ProcessContext.StatePlaying,
        };
        var bare = ProcessContextTransport.Read(&context, 512, 48000);
        Assert.True(bare.IsKnown && bare.IsPlaying);
        Assert.True(double.IsNaN(bare.Tempo) && double.IsNaN(bare.ProjectBeats));
        Assert.Equal((96000L, 0, 0), (bare.ProjectSamples, bare.TimeSignatureNumerator, bare.TimeSignatureDenominator));

        context.State = ProcessContext.StateTempoValid | ProcessContext.StateProjectTimeMusicValid | ProcessContext.StateTimeSigValid;
        var full = ProcessContextTransport.Read(&context, 512, 48000);
        Assert.False(full.IsPlaying);
        Assert.Equal((90.0, 7.5, 6, 8), (full.Tempo, full.ProjectBeats, full.TimeSignatureNumerator, full.TimeSignatureDenominator));
    }
}
