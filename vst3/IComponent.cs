namespace Euterpe.Vst3;

/// <summary>Managed side of IComponent (ivstcomponent.h).</summary>
public unsafe interface IComponent : IPluginBase
{
    int GetControllerClassId(byte* classId);
    int SetIoMode(int mode);
    int GetBusCount(int type, int direction);
    int GetBusInfo(int type, int direction, int index, BusInfo* info);
    int GetRoutingInfo(RoutingInfo* inInfo, RoutingInfo* outInfo);
    int ActivateBus(int type, int direction, int index, bool state);
    int SetActive(bool state);
    int SetState(HostStream state);
    int GetState(HostStream state);
}
