namespace Euterpe.Vst3;

/// <summary>Managed side of IUnitInfo (ivstunits.h). Program lists are not offered yet.</summary>
public unsafe interface IUnitInfo
{
    int GetUnitCount();
    int GetUnitInfo(int index, UnitInfo* info);
    int GetSelectedUnit();
    int SelectUnit(int unitId);
    int GetUnitByBus(int type, int direction, int busIndex, int channel, int* unitId);
}
