namespace Euterpe.Plugin.Instrument;

/// <summary>The chosen preset as a saved state names it: manifest id and folder (empty when "Off").</summary>
public readonly record struct PresetReference(string Id, string Path);
