namespace Euterpe.Vst3;

/// <summary>Managed side of IMidiMapping (ivsteditcontroller.h).</summary>
public interface IMidiMapping
{
    int GetMidiControllerAssignment(int busIndex, short channel, short controller, out uint id);
}
