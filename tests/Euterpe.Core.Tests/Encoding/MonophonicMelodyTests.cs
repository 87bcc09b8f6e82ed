using Euterpe.Core.Encoding;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Encoding;

/// <summary><see cref="MonophonicNoteEncoding.Melody"/>: the one voice the encoding writes, as notes.</summary>
public class MonophonicMelodyTests
{
    [Fact]
    public void TopNoteOfEachOnsetWinsAndIsCutAtTheNext()
    {
        var piece = new NoteSequence(480) { Title = "chords" };
        piece.TimeSignatures.Add(new TimeSignature(0, 3, 4));
        piece.AddNote(60, 70, 0, 960, channel: 1, program: 40, track: 2);
        piece.AddNote(67, 90, 10, 1000, channel: 1, program: 40, track: 2); // same sixteenth as the C: wins
        piece.AddNote(64, 80, 480, 700, channel: 2, program: 0, track: 3);  // next onset: cuts the G at 480
        piece.AddNote(36, 100, 480, 960, isDrum: true, channel: 9);      // drums are no melody
        piece.AddNote(50, 60, 1440, 1500);                               // ends half a step in, rounded to its start: keeps one step

        var melody = new MonophonicNoteEncoding(0, 127).Melody(piece);

        Assert.Equal([(67, 90, 0L, 480L, 1, 40, 2), (64, 80, 480L, 720L, 2, 0, 3), (50, 60, 1440L, 1560L, 0, 0, 0)],
            melody.Notes.Select(n => (n.Pitch, n.Velocity, n.StartTick, n.EndTick, n.Channel, n.Program, n.Track)));
        Assert.Equal(piece.TempoMap.TickToSeconds(720), melody.Notes[1].EndSeconds);
        Assert.Equal("chords", melody.Title);
        Assert.Equal(piece.TimeSignatures, melody.TimeSignatures);
    }

    [Fact]
    public void EncodingTheMelodyGivesTheSongsTokens()
    {
        var encoding = new MonophonicNoteEncoding();
        foreach (var (name, song) in MidiCsvCorpus.Songs.Take(8))
        {
            var melody = encoding.Melody(song);
            Assert.True(melody.Notes.Count > 0, name);
            Assert.Equal(encoding.Encode(song), encoding.Encode(melody));
            // One voice: no note starts before the previous one ends.
            Assert.All(melody.Notes.Zip(melody.Notes.Skip(1)), p => Assert.True(p.First.EndTick <= p.Second.StartTick, name));
        }
    }
}
