namespace Euterpe.Core.Music;

/// <summary>A key signature as MIDI stores it: sharps (positive) or flats (negative), and major/minor.</summary>
public readonly record struct KeySignature(long Tick, int Sharps, bool IsMinor)
{
    private static readonly string[] MajorNames = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];
    private static readonly string[] MinorNames = ["Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"];

    /// <summary>Pitch class (0 = C) of the tonic.</summary>
    public int TonicPitchClass => ((Sharps * 7 % 12 + 12) % 12 + (IsMinor ? 9 : 0)) % 12;

    public override string ToString()
    {
        var index = Math.Clamp(Sharps, -7, 7) + 7;
        return IsMinor ? $"{MinorNames[index]} minor" : $"{MajorNames[index]} major";
    }
}
