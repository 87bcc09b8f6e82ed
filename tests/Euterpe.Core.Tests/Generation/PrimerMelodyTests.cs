using Euterpe.Core.Generation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Generation;

/// <summary><see cref="PrimerMelody"/>: the top line of a piece's first seconds, drums left out, cut at the limit.</summary>
public class PrimerMelodyTests
{
    [Fact]
    public void TakesTheHighestNoteAtEachOnsetAndCutsAtTheLimit()
    {
        var piece = new NoteSequence();
        foreach (var pitch in new[] { 60, 64, 67 }) piece.AddNoteSeconds(pitch, 80, 0, 1);  // a chord: its top, G, until D comes
        piece.AddNoteSeconds(80, 100, 0, 0.5, isDrum: true);                                   // drums are no melody
        piece.AddNoteSeconds(74, 90, 0.5, 1.5);                                                // higher: cuts the G
        piece.AddNoteSeconds(60, 70, 1.0, 2.0);                                                // under the sounding D: left out
        piece.AddNoteSeconds(65, 70, 2.0, 3.0);
        piece.AddNoteSeconds(62, 70, 3.5, 5.0);                                                // cut at the 4 s limit
        piece.AddNoteSeconds(72, 70, 4.5, 5.0);                                                // starts after it
        var primer = PrimerMelody.Take(piece, 4);
        Assert.Equal(
            [(67, 0.0, 0.5), (74, 0.5, 1.5), (65, 2.0, 3.0), (62, 3.5, 4.0)],
            primer.Notes.Select(n => (n.Pitch, Math.Round(n.StartSeconds, 3), Math.Round(n.EndSeconds, 3))));
    }

    [Fact]
    public void APrimerFromARealSongIsAShortMonophonicLine()
    {
        var song = MidiFileReader.Read("/usr/share/games/openttd/baseset/openmsx/coconut_run2.mid");
        var primer = PrimerMelody.Take(song, PrimerMelody.DefaultSeconds);
        Assert.True(primer.Notes.Count > 8, $"only {primer.Notes.Count} notes");
        Assert.True(primer.TotalSeconds <= PrimerMelody.DefaultSeconds + 1e-6);
        Assert.All(primer.Notes.Zip(primer.Notes.Skip(1)), p => Assert.True(p.First.EndTick <= p.Second.StartTick));
        Assert.DoesNotContain(primer.Notes, n => n.IsDrum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(60.5)]
    [InlineData(double.NaN)]
    public void ALengthOutsideTheRangeIsRefused(double seconds)
    {
        var e = Assert.Throws<EuterpeException>(() => PrimerMelody.Take(new NoteSequence(), seconds));
        Assert.StartsWith("--prime-seconds: must be in (0, 60]", e.Message);
    }
}
