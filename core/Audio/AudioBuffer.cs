namespace Euterpe.Core.Audio;

/// <summary>
/// Audio held as float32 samples in <b>planar</b> layout: one array per channel, all the same length,
/// nominally in [-1, 1]. Use <see cref="ToInterleaved"/> / <see cref="FromInterleaved"/> to convert to and
/// from the interleaved layout (L R L R ...) that WAV files and most audio APIs use.
/// </summary>
public sealed class AudioBuffer
{
    public AudioBuffer(int sampleRate, float[][] channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleRate, 0);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length == 0)
        {
            throw new ArgumentException("audio needs at least one channel", nameof(channels));
        }

        var length = channels[0].Length;
        foreach (var channel in channels)
        {
            if (channel.Length != length)
            {
                throw new ArgumentException("all channels must have the same length", nameof(channels));
            }
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }

    /// <summary>Planar samples: <c>Channels[c][i]</c> is sample <c>i</c> of channel <c>c</c>.</summary>
    public float[][] Channels { get; }

    public int ChannelCount => Channels.Length;

    /// <summary>Samples per channel (frames).</summary>
    public int Length => Channels[0].Length;

    public double DurationSeconds => (double)Length / SampleRate;

    public static AudioBuffer Mono(int sampleRate, float[] samples) => new(sampleRate, [samples]);

    /// <summary>Builds planar audio from interleaved samples (frame-major: c0 c1 c0 c1 ...).</summary>
    public static AudioBuffer FromInterleaved(int sampleRate, int channelCount, ReadOnlySpan<float> interleaved)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(channelCount, 0);
        if (interleaved.Length % channelCount != 0)
        {
            throw new ArgumentException("interleaved length is not a multiple of the channel count", nameof(interleaved));
        }

        var frames = interleaved.Length / channelCount;
        var channels = new float[channelCount][];
        for (var c = 0; c < channelCount; c++)
        {
            var channel = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                channel[i] = interleaved[i * channelCount + c];
            }

            channels[c] = channel;
        }

        return new AudioBuffer(sampleRate, channels);
    }

    /// <summary>Interleaved copy of the samples (frame-major: c0 c1 c0 c1 ...).</summary>
    public float[] ToInterleaved()
    {
        var count = ChannelCount;
        var result = new float[Length * count];
        for (var c = 0; c < count; c++)
        {
            var channel = Channels[c];
            for (var i = 0; i < channel.Length; i++)
            {
                result[i * count + c] = channel[i];
            }
        }

        return result;
    }

    /// <summary>The average of all channels (a copy of the only channel for mono audio).</summary>
    public float[] MixToMono() => AudioMix.ToMono(Channels);
}
