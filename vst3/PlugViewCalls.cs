namespace Euterpe.Vst3;

/// <summary>Host side: calls into a plug-in's IPlugView (slots as <see cref="PlugViewThunks"/> lays them out).</summary>
public static unsafe class PlugViewCalls
{
    public static int IsPlatformTypeSupported(nint view, byte* type) => ((delegate* unmanaged[Cdecl]<nint, byte*, int>)Slot(view, 3))(view, type);

    public static int Attached(nint view, nint parent, byte* type) => ((delegate* unmanaged[Cdecl]<nint, nint, byte*, int>)Slot(view, 4))(view, parent, type);

    public static int Removed(nint view) => ((delegate* unmanaged[Cdecl]<nint, int>)Slot(view, 5))(view);

    public static int GetSize(nint view, ViewRect* size) => ((delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)Slot(view, 9))(view, size);

    public static int OnSize(nint view, ViewRect* size) => ((delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)Slot(view, 10))(view, size);

    public static int SetFrame(nint view, nint frame) => ((delegate* unmanaged[Cdecl]<nint, nint, int>)Slot(view, 12))(view, frame);

    public static int CanResize(nint view) => ((delegate* unmanaged[Cdecl]<nint, int>)Slot(view, 13))(view);

    public static int CheckSizeConstraint(nint view, ViewRect* rect) => ((delegate* unmanaged[Cdecl]<nint, ViewRect*, int>)Slot(view, 14))(view, rect);

    private static nint Slot(nint self, int slot) => (*(nint**)self)[slot];
}
