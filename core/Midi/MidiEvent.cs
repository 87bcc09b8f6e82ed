using System.Text;

namespace Euterpe.Core.Midi;

/// <summary>
/// One event of a track at an absolute tick. <see cref="Status"/> says what it is:
/// 0x80…0xEF a channel message (<see cref="Data1"/>, <see cref="Data2"/>), 0xFF a meta event
/// (<see cref="Data1"/> is the meta type, <see cref="Payload"/> its data), 0xF0 or 0xF7 a SysEx
/// message (<see cref="Payload"/> is the bytes after the length, as stored).
/// <see cref="Offset"/> is where the event began in the file it was read from (-1 if built in memory)
/// and takes no part in equality.
/// </summary>
public readonly struct MidiEvent : IEquatable<MidiEvent>
{
    private static readonly byte[] NoPayload = [];

    private readonly byte[]? _payload;

    public MidiEvent(long tick, byte status, byte data1, byte data2, byte[]? payload, long offset = -1)
    {
        Tick = tick;
        Status = status;
        Data1 = data1;
        Data2 = data2;
        _payload = payload is { Length: > 0 } ? payload : null;
        Offset = offset;
    }

    public long Tick { get; }

    public byte Status { get; }

    public byte Data1 { get; }

    public byte Data2 { get; }

    public byte[] Payload => _payload ?? NoPayload;

    public long Offset { get; }

    public bool IsChannelMessage => Status is >= 0x80 and < 0xF0;

    public bool IsMeta => Status == 0xFF;

    public bool IsSysEx => Status is 0xF0 or 0xF7;

    /// <summary>High nibble of a channel message (0x80 note off … 0xE0 pitch bend).</summary>
    public int Command => Status & 0xF0;

    public int Channel => Status & 0x0F;

    public byte MetaType => Data1;

    public bool IsNoteOn => Command == 0x90 && Data2 > 0;

    /// <summary>A note off, or a note on with velocity 0 (which the specification defines as a note off).</summary>
    public bool IsNoteOff => Command == 0x80 || (Command == 0x90 && Data2 == 0);

    public bool IsEndOfTrack => IsMeta && MetaType == MidiMetaType.EndOfTrack;

    /// <summary>Number of data bytes a channel message with this command carries.</summary>
    public static int DataLength(int status) => (status & 0xF0) is 0xC0 or 0xD0 ? 1 : 2;

    public static MidiEvent ChannelMessage(long tick, int command, int channel, int data1, int data2 = 0)
    {
        if (command is < 0x80 or > 0xE0 || (command & 0x0F) != 0) throw new ArgumentOutOfRangeException(nameof(command));
        if ((uint)channel > 15) throw new ArgumentOutOfRangeException(nameof(channel), channel, "channel must be 0..15");
        if ((uint)data1 > 127) throw new ArgumentOutOfRangeException(nameof(data1), data1, "data byte must be 0..127");
        if ((uint)data2 > 127) throw new ArgumentOutOfRangeException(nameof(data2), data2, "data byte must be 0..127");
        return new MidiEvent(tick, (byte)(command | channel), (byte)data1, DataLength(command) == 2 ? (byte)data2 : (byte)0, null);
    }

    public static MidiEvent Meta(long tick, byte type, byte[] payload) => new(tick, 0xFF, type, 0, payload);

    public static MidiEvent MetaText(long tick, byte type, string text) => Meta(tick, type, System.Text.Encoding.Latin1.GetBytes(text));

    public static MidiEvent SysEx(long tick, byte status, byte[] payload)
    {
        if (status is not (0xF0 or 0xF7)) throw new ArgumentOutOfRangeException(nameof(status));
        return new MidiEvent(tick, status, 0, 0, payload);
    }

    public static MidiEvent EndOfTrack(long tick) => Meta(tick, MidiMetaType.EndOfTrack, []);

    /// <summary>Text of a text-like meta event, decoded as Latin-1 (lossless for any bytes).</summary>
    public string Text => System.Text.Encoding.Latin1.GetString(Payload);

    public bool Equals(MidiEvent other) =>
        Tick == other.Tick && Status == other.Status && Data1 == other.Data1 && Data2 == other.Data2
        && Payload.AsSpan().SequenceEqual(other.Payload);

    public override bool Equals(object? obj) => obj is MidiEvent other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Tick, Status, Data1, Data2, Payload.Length);

    public static bool operator ==(MidiEvent left, MidiEvent right) => left.Equals(right);

    public static bool operator !=(MidiEvent left, MidiEvent right) => !left.Equals(right);

    public override string ToString()
    {
        if (IsMeta) return $"{Tick}: meta {MidiMetaType.Name(MetaType)} ({Payload.Length} bytes)";
        if (IsSysEx) return $"{Tick}: sysex 0x{Status:X2} ({Payload.Length} bytes)";
        return $"{Tick}: 0x{Status:X2} {Data1} {Data2}";
    }
}
