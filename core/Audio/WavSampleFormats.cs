using NAudio.Wave;

namespace Euterpe.Core.Audio;

/// <summary>
/// Maps <see cref="WavSampleFormat"/> to and from NAudio's <see cref="WaveFormat"/>, and decides what Euterpe
/// reads: NAudio parses 8-bit PCM, 64-bit float, ADPCM headers, any channel count and any sample rate, so the
/// supported set (16/24/32-bit PCM or float32, mono or stereo, <see cref="WavFile.MinSampleRate"/> to
/// <see cref="WavFile.MaxSampleRate"/>, consistent block align) is enforced here, before any sample is allocated.
/// </summary>
internal static class WavSampleFormats
{
    public static int BytesPerSample(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm16 => 2,
        WavSampleFormat.Pcm24 => 3,
        WavSampleFormat.Float32 => 4,
        WavSampleFormat.Pcm32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown sample format"),
    };

    /// <summary>The header NAudio writes: plain PCM or IEEE float, or WAVE_FORMAT_EXTENSIBLE with a mono/stereo speaker mask.</summary>
    public static WaveFormat ToWaveFormat(WavSampleFormat format, int sampleRate, int channels, bool extensible)
    {
        var bits = BytesPerSample(format) * 8;
        var isFloat = format == WavSampleFormat.Float32;
        if (extensible)
        {
            var speakers = channels == 1 ? Speakers.FrontCenter : Speakers.FrontLeft | Speakers.FrontRight;
            return new WaveFormatExtensible(sampleRate, bits, channels, isFloat, bits, speakers);
        }

        return isFloat ? WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels) : new WaveFormat(sampleRate, bits, channels);
    }

    /// <summary>The sample format of a file NAudio parsed; anything Euterpe does not read is a <see cref="WavFormatException"/>.</summary>
    public static WavSampleFormat FromWaveFormat(WaveFormat wave, string name)
    {
        const string supported = "(16, 24 or 32-bit PCM, or float32)";
        var bits = (ushort)wave.BitsPerSample;
        // First: NAudio's AsStandardWaveFormat throws ArgumentOutOfRangeException for an extensible format without channels.
        if (wave.Channels is < 1 or > 2)
        {
            throw new WavFormatException(name, $"{(ushort)wave.Channels} channels are not supported (mono or stereo)");
        }

        var format = wave.AsStandardWaveFormat().Encoding switch
        {
            WaveFormatEncoding.Pcm when bits == 16 => WavSampleFormat.Pcm16,
            WaveFormatEncoding.Pcm when bits == 24 => WavSampleFormat.Pcm24,
            WaveFormatEncoding.Pcm when bits == 32 => WavSampleFormat.Pcm32,
            WaveFormatEncoding.Pcm => throw new WavFormatException(name, $"{bits}-bit integer PCM is not supported {supported}"),
            WaveFormatEncoding.IeeeFloat when bits == 32 => WavSampleFormat.Float32,
            WaveFormatEncoding.IeeeFloat => throw new WavFormatException(name, $"{bits}-bit float is not supported {supported}"),
            // Still extensible after AsStandardWaveFormat: the sub-format is neither PCM nor 32-bit IEEE float.
            WaveFormatEncoding.Extensible => throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE {bits}-bit with this sub-format GUID is not supported {supported}"),
            WaveFormatEncoding.Adpcm => throw new WavFormatException(name, $"MS ADPCM WAV is not supported {supported}"),
            WaveFormatEncoding.DviAdpcm => throw new WavFormatException(name, $"IMA ADPCM WAV is not supported {supported}"),
            var other => throw new WavFormatException(name, $"WAV audio format 0x{(int)other:X4} is not supported {supported}"),
        };

        // Refused here, before the samples are allocated: a 64 KB file declaring 1 Hz resamples to gigabytes at 16 kHz.
        if (wave.SampleRate is < WavFile.MinSampleRate or > WavFile.MaxSampleRate)
        {
            throw new WavFormatException(name, $"sample rate {(uint)wave.SampleRate} Hz is outside {WavFile.MinSampleRate}…{WavFile.MaxSampleRate} Hz");
        }

        if (wave.BlockAlign != wave.Channels * BytesPerSample(format))
        {
            throw new WavFormatException(name, $"block align {(ushort)wave.BlockAlign} does not match {wave.Channels} channel(s) of {bits}-bit samples");
        }

        return format;
    }
}
