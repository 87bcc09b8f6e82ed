using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class NoteTransposerTests
{
    private static NoteSequence Sample()
    {
        var sequence = new NoteSequence(480);
        sequence.KeySignatures.Add(new KeySignature(0, 1, false)); // G major
        sequence.AddNote(60, 90, 0, 480);
        sequence.AddNote(120, 90, 480, 960);
        sequence.AddNote(3, 90, 960, 1440);
        sequence.AddNote(36, 100, 0, 120, channel: 9, isDrum: true);  // kick
        sequence.AddNote(38, 100, 120, 240, channel: 9);              // snare on channel 10 without the flag
        return sequence;
    }

    [Fact]
    public void ShiftsPitchedNotesAndLeavesDrums()
    {
        var t = NoteTransposer.Transpose(Sample(), 5);
        Assert.Equal(new[] { 65, 125, 8, 36, 38 }, t.Notes.Select(n => n.Pitch).ToArray());
    }

    [Fact]
    public void ClampPinsToTheRange()
    {
        var t = NoteTransposer.Transpose(Sample(), 10, TransposeRangePolicy.Clamp, 21, 108);
        Assert.Equal(new[] { 70, 108, 21, 36, 38 }, t.Notes.Select(n => n.Pitch).ToArray());
    }

    [Fact]
    public void FoldMovesByOctaves()
    {
        var t = NoteTransposer.Transpose(Sample(), 10, TransposeRangePolicy.FoldOctaves, 21, 108);
        // 130 → 106, 13 → 25 (C# stays C#).
        Assert.Equal(new[] { 70, 106, 25, 36, 38 }, t.Notes.Select(n => n.Pitch).ToArray());
    }

    [Fact]
    public void DropLeavesOutWhatDoesNotFit()
    {
        var t = NoteTransposer.Transpose(Sample(), -5, TransposeRangePolicy.Drop, 21, 108);
        Assert.Equal(new[] { 55, 36, 38 }, t.Notes.Select(n => n.Pitch).ToArray()); // 115 and −2 are gone
    }

    [Theory]
    [InlineData(1, false, 2, 3)]    // G → A
    [InlineData(-3, false, 1, 4)]   // Eb → E
    [InlineData(0, true, 3, -3)]    // A minor → C minor
    [InlineData(5, false, -12, 5)]  // B → B an octave down
    [InlineData(2, false, 4, 6)]    // D → F# (not Gb)
    [InlineData(0, false, 1, -5)]   // C → Db (not C#)
    public void KeySignatureMovesWithTheNotes(int sharps, bool minor, int semitones, int expected)
    {
        var sequence = new NoteSequence(480);
        sequence.KeySignatures.Add(new KeySignature(0, sharps, minor));
        var key = NoteTransposer.Transpose(sequence, semitones).KeySignatures.Single();
        Assert.Equal(new KeySignature(0, expected, minor), key);
        Assert.Equal((new KeySignature(0, sharps, minor).TonicPitchClass + semitones + 120) % 12, key.TonicPitchClass);
    }
}
