using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>PClassInfo2 (ipluginbase.h): PClassInfo's fields, then classFlags, subCategories[128], vendor/version/sdkVersion[64] (char8). 440 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfo2
{
    public const int SubCategoriesSize = 128;
    public const int VendorSize = 64;
    public const int VersionSize = 64;

    public fixed byte Cid[16];
    public int Cardinality;
    public fixed byte Category[PClassInfo.CategorySize];
    public fixed byte Name[PClassInfo.NameSize];
    public uint ClassFlags;
    public fixed byte SubCategories[SubCategoriesSize];
    public fixed byte Vendor[VendorSize];
    public fixed byte Version[VersionSize];
    public fixed byte SdkVersion[VersionSize];
}
