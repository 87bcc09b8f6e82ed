using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>
/// IPlugView vtable: FUnknown, then isPlatformTypeSupported, attached, removed, onWheel, onKeyDown, onKeyUp, getSize,
/// onSize, onFocus, setFrame, canResize, checkSizeConstraint (slots 3..14).
/// </summary>
public static unsafe class PlugViewThunks
{
    public const int SlotCount = VtableBuilder.FUnknownSlots + 12;

    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(SlotCount);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int>)&IsPlatformTypeSupported;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, byte*, int>)&Attached;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&Removed;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, float, int>)&OnWheel;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, char, short, short, int>)&OnKeyDown;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, char, short, short, int>)&OnKeyUp;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)&GetSize;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)&OnSize;
        t[11] = (nint)(delegate* unmanaged[Cdecl]<nint, byte, int>)&OnFocus;
        t[12] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetFrame;
        t[13] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&CanResize;
        t[14] = (nint)(delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)&CheckSizeConstraint;
        return (nint)t;
    }

    private static IPlugView Target(nint self) => ComObject.From<IPlugView>(self);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int IsPlatformTypeSupported(nint self, byte* type)
    {
        try { return type == null ? Vst3Result.InvalidArgument : Target(self).IsPlatformTypeSupported(type); }
        catch (Exception e) { Vst3Log.Error("isPlatformTypeSupported", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Attached(nint self, nint parent, byte* type)
    {
        try { return type == null ? Vst3Result.InvalidArgument : Target(self).Attached(parent, type); }
        catch (Exception e) { Vst3Log.Error("attached", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Removed(nint self)
    {
        try { return Target(self).Removed(); }
        catch (Exception e) { Vst3Log.Error("removed", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnWheel(nint self, float distance)
    {
        try { return Target(self).OnWheel(distance); }
        catch (Exception e) { Vst3Log.Error("onWheel", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnKeyDown(nint self, char key, short keyCode, short modifiers)
    {
        try { return Target(self).OnKeyDown(key, keyCode, modifiers); }
        catch (Exception e) { Vst3Log.Error("onKeyDown", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnKeyUp(nint self, char key, short keyCode, short modifiers)
    {
        try { return Target(self).OnKeyUp(key, keyCode, modifiers); }
        catch (Exception e) { Vst3Log.Error("onKeyUp", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetSize(nint self, ViewRect* size)
    {
        try { return size == null ? Vst3Result.InvalidArgument : Target(self).GetSize(size); }
        catch (Exception e) { Vst3Log.Error("getSize", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSize(nint self, ViewRect* newSize)
    {
        try { return newSize == null ? Vst3Result.InvalidArgument : Target(self).OnSize(newSize); }
        catch (Exception e) { Vst3Log.Error("onSize", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnFocus(nint self, byte state)
    {
        try { return Target(self).OnFocus(state != 0); }
        catch (Exception e) { Vst3Log.Error("onFocus", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetFrame(nint self, nint frame)
    {
        try { return Target(self).SetFrame(frame); }
        catch (Exception e) { Vst3Log.Error("setFrame", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CanResize(nint self)
    {
        try { return Target(self).CanResize(); }
        catch (Exception e) { Vst3Log.Error("canResize", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CheckSizeConstraint(nint self, ViewRect* rect)
    {
        try { return rect == null ? Vst3Result.InvalidArgument : Target(self).CheckSizeConstraint(rect); }
        catch (Exception e) { Vst3Log.Error("checkSizeConstraint", e); return Vst3Result.InternalError; }
    }
}
