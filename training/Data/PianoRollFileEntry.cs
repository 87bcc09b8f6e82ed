namespace Euterpe.Training.Data;

/// <summary>A music file of a piano-roll cache: its path relative to the data folder, its split and how many clips it gave.</summary>
public sealed record PianoRollFileEntry(string Path, string Split, int Clips);
