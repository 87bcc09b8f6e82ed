using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>RoutingInfo (ivstcomponent.h): mediaType, busIndex, channel.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RoutingInfo
{
    public int MediaType;
    public int BusIndex;
    public int Channel;
}
