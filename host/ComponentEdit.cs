namespace Euterpe.Host;

/// <summary>One call a plug-in's controller made on our IComponentHandler.</summary>
public readonly record struct ComponentEdit(ComponentEditKind Kind, uint ParameterId, double Value, int Flags);
