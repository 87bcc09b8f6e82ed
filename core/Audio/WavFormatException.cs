namespace Euterpe.Core.Audio;

/// <summary>A WAV file this reader cannot or will not decode. The message is <c>FILE: problem</c>.</summary>
public sealed class WavFormatException : EuterpeException
{
    public WavFormatException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner: inner)
    {
    }
}
