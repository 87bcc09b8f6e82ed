using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

public class StreamingWavWriterTests
{
    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 2, false)]
    [InlineData(WavSampleFormat.Pcm24, 1, false)]
    [InlineData(WavSampleFormat.Float32, 2, false)]
    [InlineData(WavSampleFormat.Pcm24, 2, true)]
    public void BlocksWrittenInPiecesMatchTheWholeFileWriter(WavSampleFormat format, int channels, bool extensible)
    {
        using var dir = new TempFolder("euterpe-audio-");
        var audio = WavFileTests.GridAudio(format, channels, 100_001, seed: 4);
        WavFile.Write(dir.File("whole.wav"), audio, format, extensible);

        var target = dir.File("streamed.wav");
        using (var writer = new StreamingWavWriter(target, audio.SampleRate, channels, format, extensible))
        {
            var interleaved = audio.ToInterleaved();
            var at = 0;
            var block = 1;
            while (at < audio.Length)
            {
                // Uneven block sizes; alternate interleaved and planar appends.
                var frames = Math.Min(block, audio.Length - at);
                if (block % 2 == 0 || channels == 1)
                {
                    writer.WriteInterleaved(interleaved.AsSpan(at * channels, frames * channels));
                }
                else
                {
                    writer.WritePlanar(audio.Channels[0].AsSpan(at, frames), audio.Channels[1].AsSpan(at, frames));
                }

                at += frames;
                block = block * 3 + 1;
                Assert.False(File.Exists(target), "the target must not appear before Complete");
            }

            Assert.Equal(audio.Length, writer.FramesWritten);
            writer.Complete();
        }

        Assert.Equal(File.ReadAllBytes(dir.File("whole.wav")), File.ReadAllBytes(target));
        Assert.Equal(["streamed.wav", "whole.wav"], Directory.GetFiles(dir.Root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void AbandonedRenderLeavesNothingBehindAndKeepsTheOldFile()
    {
        using var dir = new TempFolder("euterpe-audio-");
        var target = dir.File("render.wav");
        File.WriteAllText(target, "old");
        using (var writer = new StreamingWavWriter(target, 16000, 1, WavSampleFormat.Float32))
        {
            writer.WriteInterleaved(SignalMath.Noise(1000, seed: 1));
        }

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir.Root));
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Pcm24)]
    [InlineData(WavSampleFormat.Float32)]
    public void AppendingDoesNotAllocate(WavSampleFormat format)
    {
        // NAudio's WriteSamples(float[]) allocates 32 bytes per 24-bit sample; the writer must not go through it.
        using var dir = new TempFolder("euterpe-audio-");
        using var writer = new StreamingWavWriter(dir.File("a.wav"), 16000, 2, format);
        var block = SignalMath.Noise(1024, seed: 2);
        var rounds = ThreadAllocations.Measure(3, _ =>
        {
            for (var i = 0; i < 100; i++)
            {
                writer.WritePlanar(block, block);
                writer.WriteInterleaved(block);
            }
        });

        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }
}
