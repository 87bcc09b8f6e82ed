namespace Euterpe.Core.Midi;

/// <summary>Meta event type bytes (the byte after 0xFF) defined by the Standard MIDI File specification.</summary>
public static class MidiMetaType
{
    public const byte SequenceNumber = 0x00;
    public const byte Text = 0x01;
    public const byte Copyright = 0x02;
    public const byte TrackName = 0x03;
    public const byte InstrumentName = 0x04;
    public const byte Lyric = 0x05;
    public const byte Marker = 0x06;
    public const byte CuePoint = 0x07;
    public const byte ProgramName = 0x08;
    public const byte DeviceName = 0x09;
    public const byte ChannelPrefix = 0x20;
    public const byte Port = 0x21;
    public const byte EndOfTrack = 0x2F;
    public const byte Tempo = 0x51;
    public const byte SmpteOffset = 0x54;
    public const byte TimeSignature = 0x58;
    public const byte KeySignature = 0x59;
    public const byte SequencerSpecific = 0x7F;

    /// <summary>A short human name for a meta type, for summaries.</summary>
    public static string Name(byte type) => type switch
    {
        SequenceNumber => "sequence number",
        Text => "text",
        Copyright => "copyright",
        TrackName => "track name",
        InstrumentName => "instrument name",
        Lyric => "lyric",
        Marker => "marker",
        CuePoint => "cue point",
        ProgramName => "program name",
        DeviceName => "device name",
        ChannelPrefix => "channel prefix",
        Port => "port",
        EndOfTrack => "end of track",
        Tempo => "tempo",
        SmpteOffset => "SMPTE offset",
        TimeSignature => "time signature",
        KeySignature => "key signature",
        SequencerSpecific => "sequencer specific",
        _ => $"meta 0x{type:X2}",
    };

    /// <summary>True for the meta types whose payload is text (0x01…0x0F).</summary>
    public static bool IsText(byte type) => type is >= 0x01 and <= 0x0F;
}
