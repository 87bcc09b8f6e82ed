namespace Euterpe.Vst3;

/// <summary>Managed side of IPluginFactory (ipluginbase.h).</summary>
public unsafe interface IPluginFactory
{
    int GetFactoryInfo(PFactoryInfo* info);
    int CountClasses();
    int GetClassInfo(int index, PClassInfo* info);
    int CreateInstance(byte* cid, byte* iid, nint* result);
}
