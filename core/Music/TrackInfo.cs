namespace Euterpe.Core.Music;

/// <summary>What a track is called and what it plays, as far as the file says.</summary>
public sealed record TrackInfo(int Index, string? Name = null, string? InstrumentName = null);
