namespace Euterpe.Vst3;

/// <summary>Managed side of IEditController (ivsteditcontroller.h).</summary>
public unsafe interface IEditController : IPluginBase
{
    int SetComponentState(HostStream state);
    int SetState(HostStream state);
    int GetState(HostStream state);
    int GetParameterCount();
    int GetParameterInfo(int index, ParameterInfo* info);
    int GetParamStringByValue(uint id, double normalized, char* text);
    int GetParamValueByString(uint id, char* text, double* normalized);
    double NormalizedParamToPlain(uint id, double normalized);
    double PlainParamToNormalized(uint id, double plain);
    double GetParamNormalized(uint id);
    int SetParamNormalized(uint id, double normalized);
    int SetComponentHandler(nint handler);
    nint CreateView(byte* name);
}
