namespace Euterpe.Vst3;

/// <summary>Managed side of IParameterChanges (ivstparameterchanges.h), for change lists we own.</summary>
public unsafe interface IParameterChanges
{
    int GetParameterCount();
    nint GetParameterData(int index);
    nint AddParameterData(uint* id, int* index);
}
