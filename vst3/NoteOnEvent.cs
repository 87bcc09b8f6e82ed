using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>NoteOnEvent (ivstevents.h). 20 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NoteOnEvent
{
    public short Channel;
    public short Pitch;
    public float Tuning;
    public float Velocity;
    public int Length;
    public int NoteId;
}
