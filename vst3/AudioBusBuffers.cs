using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>AudioBusBuffers (ivstaudioprocessor.h): numChannels, silenceFlags, union of float**/double**. 24 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct AudioBusBuffers
{
    public int NumChannels;
    public ulong SilenceFlags;
    /// <summary>channelBuffers32 (float**) or channelBuffers64 (double**), per ProcessData.SymbolicSampleSize.</summary>
    public void** ChannelBuffers;
}
