namespace Euterpe.Vst3;

/// <summary>Managed side of IParamValueQueue (ivstparameterchanges.h), for queues we own.</summary>
public unsafe interface IParamValueQueue
{
    uint GetParameterId();
    int GetPointCount();
    int GetPoint(int index, int* sampleOffset, double* value);
    int AddPoint(int sampleOffset, double value, int* index);
}
