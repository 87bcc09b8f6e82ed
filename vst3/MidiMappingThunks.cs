using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IMidiMapping vtable: FUnknown, then getMidiControllerAssignment.</summary>
public static unsafe class MidiMappingThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 1);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, int, short, short, uint*, int>)&GetAssignment;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetAssignment(nint self, int busIndex, short channel, short controller, uint* id)
    {
        try
        {
            if (id == null) return Vst3Result.InvalidArgument;
            var result = ComObject.From<IMidiMapping>(self).GetMidiControllerAssignment(busIndex, channel, controller, out var found);
            if (result == Vst3Result.Ok) *id = found;
            return result;
        }
        catch (Exception e) { Vst3Log.Error("getMidiControllerAssignment", e); return Vst3Result.InternalError; }
    }
}
