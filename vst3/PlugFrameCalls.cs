namespace Euterpe.Vst3;

/// <summary>Calls into the host's IPlugFrame (vtable: FUnknown, resizeView).</summary>
public static unsafe class PlugFrameCalls
{
    private const int ResizeViewSlot = 3;

    /// <summary>Asks the host to make <paramref name="view"/> <paramref name="size"/>; it answers with onSize when it agrees.</summary>
    public static int ResizeView(nint frame, nint view, ViewRect* size) =>
        frame == 0 ? Vst3Result.NotInitialized : ((delegate* unmanaged[Cdecl]<nint, nint, ViewRect*, int>)(*(nint**)frame)[ResizeViewSlot])(frame, view, size);
}
