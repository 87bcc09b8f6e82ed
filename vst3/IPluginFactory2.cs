namespace Euterpe.Vst3;

/// <summary>Managed side of IPluginFactory2 (ipluginbase.h).</summary>
public unsafe interface IPluginFactory2 : IPluginFactory
{
    int GetClassInfo2(int index, PClassInfo2* info);
}
