using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>ProcessContext (ivstprocesscontext.h). 112 bytes. Chord and FrameRate are flattened.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProcessContext
{
    public const uint StatePlaying = 1 << 1;
    public const uint StateProjectTimeMusicValid = 1 << 9;
    public const uint StateTempoValid = 1 << 10;
    public const uint StateTimeSigValid = 1 << 13;

    public uint State;
    public double SampleRate;
    public long ProjectTimeSamples;
    public long SystemTime;
    public long ContinuousTimeSamples;
    public double ProjectTimeMusic;
    public double BarPositionMusic;
    public double CycleStartMusic;
    public double CycleEndMusic;
    public double Tempo;
    public int TimeSigNumerator;
    public int TimeSigDenominator;
    public byte ChordKeyNote;
    public byte ChordRootNote;
    public short ChordMask;
    public int SmpteOffsetSubframes;
    public uint FramesPerSecond;
    public uint FrameRateFlags;
    public int SamplesToNextClock;
}
