using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>ProcessSetup (ivstaudioprocessor.h). 24 bytes: three int32, padding, double.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProcessSetup
{
    public const int ModeRealtime = 0;
    public const int ModePrefetch = 1;
    public const int ModeOffline = 2;
    public const int Sample32 = 0;
    public const int Sample64 = 1;

    public int ProcessMode;
    public int SymbolicSampleSize;
    public int MaxSamplesPerBlock;
    public double SampleRate;
}
