using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>PClassInfo (ipluginbase.h): cid[16], int32 cardinality, category[32], name[64] (char8). 116 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfo
{
    public const int CategorySize = 32;
    public const int NameSize = 64;
    /// <summary>kManyInstances.</summary>
    public const int ManyInstances = 0x7FFFFFFF;

    public fixed byte Cid[16];
    public int Cardinality;
    public fixed byte Category[CategorySize];
    public fixed byte Name[NameSize];
}
