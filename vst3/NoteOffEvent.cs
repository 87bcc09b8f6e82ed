using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>NoteOffEvent (ivstevents.h). 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NoteOffEvent
{
    public short Channel;
    public short Pitch;
    public float Velocity;
    public int NoteId;
    public float Tuning;
}
