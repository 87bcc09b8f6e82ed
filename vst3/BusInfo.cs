using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>BusInfo (ivstcomponent.h): mediaType, direction, channelCount, name String128, busType, flags. 276 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BusInfo
{
    public const int MediaAudio = 0;
    public const int MediaEvent = 1;
    public const int DirectionInput = 0;
    public const int DirectionOutput = 1;
    public const int TypeMain = 0;
    public const int TypeAux = 1;
    /// <summary>kDefaultActive.</summary>
    public const uint FlagDefaultActive = 1;

    public int MediaType;
    public int Direction;
    public int ChannelCount;
    public fixed char Name[128];
    public int BusType;
    public uint Flags;
}
