using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>UnitInfo (ivstunits.h): id, parentUnitId, name String128, programListId. 268 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct UnitInfo
{
    public const int RootUnitId = 0;
    public const int NoParentUnitId = -1;
    public const int NoProgramListId = -1;

    public int Id;
    public int ParentUnitId;
    public fixed char Name[128];
    public int ProgramListId;
}
