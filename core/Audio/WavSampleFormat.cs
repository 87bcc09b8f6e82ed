namespace Euterpe.Core.Audio;

/// <summary>Sample encodings Euterpe reads and writes in WAV files.</summary>
public enum WavSampleFormat
{
    /// <summary>Signed 16-bit integer PCM.</summary>
    Pcm16,

    /// <summary>Signed 24-bit integer PCM, packed in 3 bytes.</summary>
    Pcm24,

    /// <summary>IEEE 754 32-bit float.</summary>
    Float32,

    /// <summary>Signed 32-bit integer PCM (what sox writes by default from a 32-bit source); read back as float32, so
    /// only the top 24 bits survive a round trip.</summary>
    Pcm32,
}
