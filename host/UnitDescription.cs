namespace Euterpe.Host;

/// <summary>A unit (IUnitInfo::getUnitInfo).</summary>
public sealed record UnitDescription(int Id, int ParentId, string Name, int ProgramListId);
