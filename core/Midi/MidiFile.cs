namespace Euterpe.Core.Midi;

/// <summary>
/// A Standard MIDI File as its chunks say: format, time division and tracks of raw events (channel,
/// meta and SysEx). Reading then writing keeps every event; unknown chunks are skipped on read.
/// </summary>
public sealed class MidiFile
{
    /// <summary>Files larger than this are refused rather than loaded into memory.</summary>
    public const long MaxFileBytes = 64L << 20;

    public MidiFile(int format, MidiDivision division)
    {
        if (format is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(format), format, "format must be 0, 1 or 2");
        Format = format;
        Division = division;
    }

    /// <summary>0 (one track), 1 (simultaneous tracks) or 2 (independent sequences).</summary>
    public int Format { get; }

    public MidiDivision Division { get; }

    public List<MidiTrack> Tracks { get; } = [];

    public static MidiFile Read(string path) => Parse(ReadBytes(path), path);

    public static MidiFile Parse(ReadOnlySpan<byte> data, string sourceName) => MidiFileParser.Parse(data, sourceName);

    public byte[] ToBytes() => MidiFileSerializer.Serialize(this);

    public void Write(string path) => AtomicFile.Write(path, stream => MidiFileSerializer.Serialize(this, stream));

    // Through the one checked reader: a regular file of at most MaxFileBytes (a folder, device or FIFO named as a
    // MIDI file is refused by its kind, not opened or waited on).
    internal static byte[] ReadBytes(string path) => IO.InputFile.ReadAllBytes(path, MaxFileBytes, "MIDI file");
}
