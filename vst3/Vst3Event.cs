using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>Event (ivstevents.h): header then a union at offset 24 (8-aligned; its largest member is 24 bytes). 48 bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
public struct Vst3Event
{
    public const ushort TypeNoteOn = 0;
    public const ushort TypeNoteOff = 1;
    public const ushort TypeData = 2;
    public const ushort TypePolyPressure = 3;
    /// <summary>kIsLive.</summary>
    public const ushort FlagIsLive = 1;

    [FieldOffset(0)] public int BusIndex;
    [FieldOffset(4)] public int SampleOffset;
    [FieldOffset(8)] public double PpqPosition;
    [FieldOffset(16)] public ushort Flags;
    [FieldOffset(18)] public ushort Type;
    [FieldOffset(24)] public NoteOnEvent NoteOn;
    [FieldOffset(24)] public NoteOffEvent NoteOff;

    public static Vst3Event NoteOnAt(int sampleOffset, short pitch, float velocity, short channel = 0, int noteId = -1) => new()
    {
        SampleOffset = sampleOffset,
        Type = TypeNoteOn,
        NoteOn = new NoteOnEvent { Channel = channel, Pitch = pitch, Velocity = velocity, NoteId = noteId },
    };

    public static Vst3Event NoteOffAt(int sampleOffset, short pitch, float velocity = 0f, short channel = 0, int noteId = -1) => new()
    {
        SampleOffset = sampleOffset,
        Type = TypeNoteOff,
        NoteOff = new NoteOffEvent { Channel = channel, Pitch = pitch, Velocity = velocity, NoteId = noteId },
    };
}
