namespace Euterpe.Vst3;

/// <summary>Managed side of IPluginBase (ipluginbase.h).</summary>
public interface IPluginBase
{
    int Initialize(nint context);
    int Terminate();
}
