using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>ProcessData (ivstaudioprocessor.h). 80 bytes; the interface fields are host objects (may be 0).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ProcessData
{
    public int ProcessMode;
    public int SymbolicSampleSize;
    public int NumSamples;
    public int NumInputs;
    public int NumOutputs;
    public AudioBusBuffers* Inputs;
    public AudioBusBuffers* Outputs;
    public nint InputParameterChanges;
    public nint OutputParameterChanges;
    public nint InputEvents;
    public nint OutputEvents;
    public ProcessContext* ProcessContext;
}
