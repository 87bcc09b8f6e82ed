namespace Euterpe.Core.Midi;

/// <summary>
/// A Standard MIDI File that cannot be read. The message is <c>FILE: problem (offset N)</c>, where N is the byte
/// offset in the file at which the problem was found, so a user can look at it with a hex dump.
/// </summary>
public sealed class MidiFormatException : EuterpeException
{
    public MidiFormatException(string sourceName, string problem, long offset)
        : base($"{sourceName}: {problem} (offset {offset})")
    {
        SourceName = sourceName;
        Problem = problem;
        Offset = offset;
    }

    /// <summary>The file name (or other label) the bytes came from.</summary>
    public string SourceName { get; }

    /// <summary>The problem without the file name and offset.</summary>
    public string Problem { get; }

    /// <summary>Byte offset in the file where the problem was found.</summary>
    public long Offset { get; }
}
