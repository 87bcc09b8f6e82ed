using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>PClassInfoW (ipluginbase.h): like PClassInfo2 but name, vendor, version, sdkVersion are char16. 696 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfoW
{
    public fixed byte Cid[16];
    public int Cardinality;
    public fixed byte Category[PClassInfo.CategorySize];
    public fixed char Name[PClassInfo.NameSize];
    public uint ClassFlags;
    public fixed byte SubCategories[PClassInfo2.SubCategoriesSize];
    public fixed char Vendor[PClassInfo2.VendorSize];
    public fixed char Version[PClassInfo2.VersionSize];
    public fixed char SdkVersion[PClassInfo2.VersionSize];
}
