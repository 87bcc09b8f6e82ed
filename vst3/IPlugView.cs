namespace Euterpe.Vst3;

/// <summary>
/// Managed side of IPlugView (gui/iplugview.h): the editor a controller's createView returns. Platform type and
/// parent come as the host gives them (on Linux "X11EmbedWindowID" and an X window id); sizes are in pixels.
/// </summary>
public unsafe interface IPlugView
{
    int IsPlatformTypeSupported(byte* type);
    int Attached(nint parent, byte* type);
    int Removed();
    int OnWheel(float distance);
    int OnKeyDown(char key, short keyCode, short modifiers);
    int OnKeyUp(char key, short keyCode, short modifiers);
    int GetSize(ViewRect* size);
    int OnSize(ViewRect* newSize);
    int OnFocus(bool state);
    int SetFrame(nint frame);
    int CanResize();
    int CheckSizeConstraint(ViewRect* rect);
}
