using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class AudioBufferTests
{
    [Fact]
    public void InterleavedLayoutIsFrameMajorAndRoundTrips()
    {
        float[] interleaved = [1, -1, 2, -2, 3, -3];
        var audio = AudioBuffer.FromInterleaved(8000, 2, interleaved);
        Assert.Equal([1f, 2f, 3f], audio.Channels[0]);
        Assert.Equal([-1f, -2f, -3f], audio.Channels[1]);
        Assert.Equal(3, audio.Length);
        Assert.Equal(interleaved, audio.ToInterleaved());
    }

    [Fact]
    public void MismatchedChannelsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new AudioBuffer(8000, [new float[3], new float[4]]));
        Assert.Throws<ArgumentException>(() => AudioBuffer.FromInterleaved(8000, 2, new float[5]));
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Float32)]
    public void EmptyAudioRoundTrips(WavSampleFormat format)
    {
        using var dir = new TempFolder("euterpe-audio-");
        WavFile.Write(dir.File("empty.wav"), new AudioBuffer(22050, [[], []]), format);
        var read = WavFile.Read(dir.File("empty.wav"));
        Assert.Equal(0, read.Length);
        Assert.Equal(2, read.ChannelCount);
        Assert.Equal(22050, read.SampleRate);
    }
}
