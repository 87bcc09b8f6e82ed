using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IUnitInfo vtable: FUnknown, then 12 slots; the program-list ones answer that there are no lists.</summary>
public static unsafe class UnitInfoThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 12);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetUnitCount;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int, UnitInfo*, int>)&GetUnitInfo;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetProgramListCount;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, int, nint, int>)&GetProgramListInfo;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, char*, int>)&GetProgramName;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, byte*, char*, int>)&GetProgramInfo;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, int>)&HasProgramPitchNames;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, short, char*, int>)&GetProgramPitchName;
        t[11] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetSelectedUnit;
        t[12] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&SelectUnit;
        t[13] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, int, int, int*, int>)&GetUnitByBus;
        t[14] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, nint, int>)&SetUnitProgramData;
        return (nint)t;
    }

    private static IUnitInfo Target(nint self) => ComObject.From<IUnitInfo>(self);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetUnitCount(nint self)
    {
        try { return Target(self).GetUnitCount(); }
        catch (Exception e) { Vst3Log.Error("getUnitCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetUnitInfo(nint self, int index, UnitInfo* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : Target(self).GetUnitInfo(index, info); }
        catch (Exception e) { Vst3Log.Error("getUnitInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetProgramListCount(nint self) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetProgramListInfo(nint self, int index, nint info) => Vst3Result.InvalidArgument;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetProgramName(nint self, int listId, int program, char* name) => Vst3Result.InvalidArgument;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetProgramInfo(nint self, int listId, int program, byte* attribute, char* value) => Vst3Result.InvalidArgument;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int HasProgramPitchNames(nint self, int listId, int program) => Vst3Result.False;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetProgramPitchName(nint self, int listId, int program, short pitch, char* name) => Vst3Result.False;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetSelectedUnit(nint self)
    {
        try { return Target(self).GetSelectedUnit(); }
        catch (Exception e) { Vst3Log.Error("getSelectedUnit", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SelectUnit(nint self, int unitId)
    {
        try { return Target(self).SelectUnit(unitId); }
        catch (Exception e) { Vst3Log.Error("selectUnit", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetUnitByBus(nint self, int type, int direction, int busIndex, int channel, int* unitId)
    {
        try { return unitId == null ? Vst3Result.InvalidArgument : Target(self).GetUnitByBus(type, direction, busIndex, channel, unitId); }
        catch (Exception e) { Vst3Log.Error("getUnitByBus", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetUnitProgramData(nint self, int listOrUnit, int program, nint data) => Vst3Result.NotImplemented;
}
