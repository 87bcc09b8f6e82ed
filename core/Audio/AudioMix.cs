namespace Euterpe.Core.Audio;

/// <summary>Channel mixing helpers.</summary>
public static class AudioMix
{
    /// <summary>
    /// Averages planar channels into one (equal weights, so a full-scale signal on every channel stays
    /// full scale and nothing clips).
    /// </summary>
    public static float[] ToMono(IReadOnlyList<float[]> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            throw new ArgumentException("audio needs at least one channel", nameof(channels));
        }

        var length = channels[0].Length;
        var mono = new float[length];
        if (channels.Count == 1)
        {
            channels[0].CopyTo(mono, 0);
            return mono;
        }

        var sum = new double[length];
        foreach (var channel in channels)
        {
            if (channel.Length != length)
            {
                throw new ArgumentException("all channels must have the same length", nameof(channels));
            }

            for (var i = 0; i < length; i++)
            {
                sum[i] += channel[i];
            }
        }

        var scale = 1.0 / channels.Count;
        for (var i = 0; i < length; i++)
        {
            mono[i] = (float)(sum[i] * scale);
        }

        return mono;
    }

    /// <summary>Averages interleaved frames into mono: <paramref name="mono"/> gets one sample per frame.</summary>
    public static void InterleavedToMono(ReadOnlySpan<float> interleaved, int channelCount, Span<float> mono)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(channelCount, 0);
        var frames = interleaved.Length / channelCount;
        if (mono.Length < frames)
        {
            throw new ArgumentException("mono span is shorter than the number of frames", nameof(mono));
        }

        var scale = 1f / channelCount;
        for (var i = 0; i < frames; i++)
        {
            var sum = 0f;
            for (var c = 0; c < channelCount; c++)
            {
                sum += interleaved[i * channelCount + c];
            }

            mono[i] = sum * scale;
        }
    }
}
