namespace Euterpe.Core.Music;

/// <summary>The notes one instrument plays: a GM program (or the drum kit) and its family, as a sequence of its own.</summary>
public sealed record InstrumentPart(int Program, bool IsDrum, InstrumentFamily Family, NoteSequence Sequence);
