using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IAudioProcessor vtable: FUnknown, then slots 3..10.</summary>
public static unsafe class AudioProcessorThunks
{
    public const int SlotCount = VtableBuilder.FUnknownSlots + 8;

    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(SlotCount);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, ulong*, int, ulong*, int, int>)&SetBusArrangements;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, ulong*, int>)&GetBusArrangement;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&CanProcessSampleSize;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&GetLatencySamples;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, ProcessSetup*, int>)&SetupProcessing;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, byte, int>)&SetProcessing;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, ProcessData*, int>)&Process;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&GetTailSamples;
        return (nint)t;
    }

    private static IAudioProcessor Target(nint self) => ComObject.From<IAudioProcessor>(self);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetBusArrangements(nint self, ulong* inputs, int inputCount, ulong* outputs, int outputCount)
    {
        try
        {
            if (inputCount < 0 || outputCount < 0 || (inputCount > 0 && inputs == null) || (outputCount > 0 && outputs == null))
                return Vst3Result.InvalidArgument;
            return Target(self).SetBusArrangements(inputs, inputCount, outputs, outputCount);
        }
        catch (Exception e) { Vst3Log.Error("setBusArrangements", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetBusArrangement(nint self, int direction, int index, ulong* arrangement)
    {
        try { return arrangement == null ? Vst3Result.InvalidArgument : Target(self).GetBusArrangement(direction, index, arrangement); }
        catch (Exception e) { Vst3Log.Error("getBusArrangement", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CanProcessSampleSize(nint self, int size)
    {
        try { return Target(self).CanProcessSampleSize(size); }
        catch (Exception e) { Vst3Log.Error("canProcessSampleSize", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint GetLatencySamples(nint self)
    {
        try { return Target(self).GetLatencySamples(); }
        catch (Exception e) { Vst3Log.Error("getLatencySamples", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetupProcessing(nint self, ProcessSetup* setup)
    {
        try { return setup == null ? Vst3Result.InvalidArgument : Target(self).SetupProcessing(setup); }
        catch (Exception e) { Vst3Log.Error("setupProcessing", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetProcessing(nint self, byte state)
    {
        try { return Target(self).SetProcessing(state != 0); }
        catch (Exception e) { Vst3Log.Error("setProcessing", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(nint self, ProcessData* data)
    {
        try { return data == null ? Vst3Result.InvalidArgument : Target(self).Process(data); }
        catch (Exception e) { Vst3Log.Error("process", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint GetTailSamples(nint self)
    {
        try { return Target(self).GetTailSamples(); }
        catch (Exception e) { Vst3Log.Error("getTailSamples", e); return 0; }
    }
}
