namespace Euterpe.Vst3;

/// <summary>Managed side of IEventList (ivstevents.h), for event lists we own.</summary>
public unsafe interface IEventList
{
    int GetEventCount();
    int GetEvent(int index, Vst3Event* e);
    int AddEvent(Vst3Event* e);
}
