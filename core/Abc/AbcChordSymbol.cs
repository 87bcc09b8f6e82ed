namespace Euterpe.Core.Abc;

/// <summary>A chord symbol such as "Am7" written above the melody, at the tick where it takes effect.</summary>
public readonly record struct AbcChordSymbol(long Tick, string Text, int Voice = 0);
