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
}
