using System.Globalization;
using NAudio.Wave;

namespace Euterpe.Core.Audio;

/// <summary>
/// Reads and writes WAV files through NAudio.Core: PCM 16/24/32-bit and IEEE float32, mono or stereo, plain or
/// WAVE_FORMAT_EXTENSIBLE (RF64 too when reading). Samples come back as planar float32 (<see cref="AudioBuffer"/>).
/// Chunks other than <c>fmt </c> and <c>data</c> are skipped. Anything else (8-bit, ADPCM, more than two channels,
/// truncated data, not RIFF, a sample rate outside <see cref="MinSampleRate"/>…<see cref="MaxSampleRate"/>, float
/// samples that are not finite or beyond ±<see cref="MaxFloatMagnitude"/>) is a <see cref="WavFormatException"/>
/// whose message is one line, <c>FILE: problem</c>. Header problems are found before any sample is allocated.
/// </summary>
public static class WavFile
{
    /// <summary>
    /// Lowest sample rate read. Every reader resamples to its model's rate (16 kHz for fft-lstm) with
    /// <see cref="SincResampler"/>, whose output grows by output/input: at 4 kHz a file grows 4×, at 1 Hz a 64 KB file
    /// became 2 GB of samples. Nothing real is recorded below 4 kHz (telephone audio is 8 kHz).
    /// </summary>
    public const int MinSampleRate = 4000;

    /// <summary>Highest sample rate read (DSD-to-PCM masters top out at 768 kHz); downsampling 1 MHz to 16 kHz needs a few thousand taps.</summary>
    public const int MaxSampleRate = 1_000_000;

    /// <summary>
    /// Largest float sample magnitude read (+60 dB over full scale). Hot float mixes go a little past ±1; values beyond
    /// this, NaN and ±∞ are broken data that would poison a training cache or a model's input.
    /// </summary>
    public const float MaxFloatMagnitude = 1000f;

    private const int BlockBytes = 1 << 16;

    public static AudioBuffer Read(string path) => Read(path, out _);

    public static AudioBuffer Read(string path, out WavSampleFormat format)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WavFormatException(path, $"cannot open: {e.Message}", e);
        }

        using (stream)
        {
            return Read(stream, path, out format);
        }
    }

    /// <summary>
    /// Reads the WAV file that starts at the beginning of <paramref name="stream"/>; <paramref name="name"/> names it in
    /// errors. A stream that cannot seek (a pipe) is copied into memory first, since NAudio needs its length.
    /// </summary>
    public static AudioBuffer Read(Stream stream, string name, out WavSampleFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            if (!stream.CanSeek)
            {
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                stream = copy;
            }

            stream.Position = 0;
            WavChunkCheck.Check(stream, name);
            stream.Position = 0;
            using var reader = new WaveFileReader(stream);
            format = WavSampleFormats.FromWaveFormat(reader.WaveFormat, name);
            // NAudio takes an RF64 data size from ds64 without comparing it with the file: refuse before allocating it.
            var left = stream.Length - stream.Position;
            if (reader.Length > left)
            {
                throw new WavFormatException(name, $"truncated: data chunk declares {reader.Length} bytes but only {left} follow");
            }

            var audio = ReadSamples(reader, name);
            if (format == WavSampleFormat.Float32)
            {
                CheckFloatSamples(audio, name);
            }

            return audio;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            // What NAudio still refuses after our checks (a RIFF size that ends before the data chunk), and read errors.
            throw new WavFormatException(name, $"unreadable WAV: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="audio"/> atomically (temp file, then rename).</summary>
    public static void Write(string path, AudioBuffer audio, WavSampleFormat format, bool extensible = false) =>
        AtomicFile.Write(path, stream => Write(stream, audio, format, extensible));

    public static void Write(Stream stream, AudioBuffer audio, WavSampleFormat format, bool extensible = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(audio);
        if ((long)audio.Length * audio.ChannelCount * WavSampleFormats.BytesPerSample(format) > WavBlockWriter.MaxDataBytes)
        {
            throw new ArgumentException("audio is longer than a WAV file can hold (4 GiB)", nameof(audio));
        }

        var writer = new WavBlockWriter(stream, audio.SampleRate, audio.ChannelCount, format, extensible);
        writer.WritePlanar(audio.Channels[0], audio.ChannelCount == 2 ? audio.Channels[1] : []);
        writer.Finish();
    }

    private static AudioBuffer ReadSamples(WaveFileReader reader, string name)
    {
        var wave = reader.WaveFormat;
        var blockAlign = wave.BlockAlign;
        if (reader.Length % blockAlign != 0)
        {
            throw new WavFormatException(name, $"data chunk size {reader.Length} is not a multiple of the frame size {blockAlign}");
        }

        if (reader.Length / blockAlign > Array.MaxLength)
        {
            throw new WavFormatException(name, $"{reader.Length / blockAlign} frames are more than one buffer can hold; split the file");
        }

        var frames = (int)(reader.Length / blockAlign);
        var channels = wave.Channels;
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[frames];
        }

        // NAudio decodes (integer PCM divided by 2^(bits-1)); whole frames per read, as its reader requires.
        var samples = reader.ToSampleProvider();
        var framesPerBlock = BlockBytes / blockAlign;
        var interleaved = new float[framesPerBlock * channels];
        for (var start = 0; start < frames; start += framesPerBlock)
        {
            var count = Math.Min(framesPerBlock, frames - start);
            var block = interleaved.AsSpan(0, count * channels);
            if (ReadFully(samples, block) < block.Length)
            {
                throw new WavFormatException(name, $"truncated: data chunk declares {reader.Length} bytes but the file ends early");
            }

            for (var c = 0; c < channels; c++)
            {
                var channel = planar[c];
                for (var i = 0; i < count; i++)
                {
                    channel[start + i] = block[i * channels + c];
                }
            }
        }

        return new AudioBuffer(wave.SampleRate, planar);
    }

    private static void CheckFloatSamples(AudioBuffer audio, string name)
    {
        for (var c = 0; c < audio.ChannelCount; c++)
        {
            var channel = audio.Channels[c];
            for (var i = 0; i < channel.Length; i++)
            {
                var x = channel[i];
                if (float.IsFinite(x) && Math.Abs(x) <= MaxFloatMagnitude)
                {
                    continue;
                }

                var where = audio.ChannelCount == 1 ? $"sample {i}" : $"sample {i} of channel {c + 1}";
                throw new WavFormatException(name, float.IsFinite(x)
                    ? string.Create(CultureInfo.InvariantCulture, $"float {where} is {x:G9}, beyond ±{MaxFloatMagnitude:G} (broken data)")
                    : string.Create(CultureInfo.InvariantCulture, $"float {where} is {x} (float samples must be finite)"));
            }
        }
    }

    private static int ReadFully(ISampleProvider samples, Span<float> block)
    {
        var filled = 0;
        while (filled < block.Length)
        {
            var got = samples.Read(block[filled..]);
            if (got == 0)
            {
                break;
            }

            filled += got;
        }

        return filled;
    }
}
