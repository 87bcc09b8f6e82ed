using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>ParameterInfo (ivsteditcontroller.h). 792 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ParameterInfo
{
    public const int FlagCanAutomate = 1 << 0;
    public const int FlagIsReadOnly = 1 << 1;
    public const int FlagIsList = 1 << 3;
    public const int FlagIsBypass = 1 << 16;

    public uint Id;
    public fixed char Title[128];
    public fixed char ShortTitle[128];
    public fixed char Units[128];
    public int StepCount;
    public double DefaultNormalizedValue;
    public int UnitId;
    public int Flags;
}
