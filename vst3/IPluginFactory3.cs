namespace Euterpe.Vst3;

/// <summary>Managed side of IPluginFactory3 (ipluginbase.h).</summary>
public unsafe interface IPluginFactory3 : IPluginFactory2
{
    int GetClassInfoUnicode(int index, PClassInfoW* info);
    int SetHostContext(nint context);
}
