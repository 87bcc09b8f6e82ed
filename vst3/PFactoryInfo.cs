using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>PFactoryInfo (ipluginbase.h): vendor[64], url[256], email[128] (char8), int32 flags. 452 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PFactoryInfo
{
    public const int NameSize = 64;
    public const int UrlSize = 256;
    public const int EmailSize = 128;
    /// <summary>kUnicode: component strings are UTF-16.</summary>
    public const int FlagUnicode = 1 << 4;

    public fixed byte Vendor[NameSize];
    public fixed byte Url[UrlSize];
    public fixed byte Email[EmailSize];
    public int Flags;
}
