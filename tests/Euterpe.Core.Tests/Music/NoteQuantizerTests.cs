using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class NoteQuantizerTests
{
    [Fact]
    public void SnapsStartsAndEndsToTheNearestStep()
    {
        var sequence = new NoteSequence(480);
        sequence.AddNote(60, 90, 10, 230);   // → 0 … 240 (sixteenths are 120 ticks)
        sequence.AddNote(62, 90, 185, 290);  // → 240 … 240 would vanish: keeps one step → 360
        sequence.AddNote(64, 90, 59, 61);    // 59 → 0, 61 → 120 (half way rounds up)
        var q = NoteQuantizer.Quantize(sequence, 4);
        var byPitch = q.Notes.OrderBy(n => n.Pitch).Select(n => (n.StartTick, n.EndTick)).ToArray();
        Assert.Equal(new[] { (0L, 240L), (240L, 360L), (0L, 120L) }, byPitch);
        Assert.Equal(3, sequence.Notes.Count); // the input is left as it was
        Assert.Equal(10, sequence.Notes[0].StartTick);
    }

    [Fact]
    public void SecondsFollowTheTempoMap()
    {
        // 120 bpm for one beat, then 60 bpm: a note quantised to beat 2 starts at 0.5 + 1.0 s.
        var sequence = new NoteSequence(96, new TempoMap(96, [new TempoChange(96, 1_000_000)]));
        sequence.AddNote(60, 90, 190, 250);
        var note = NoteQuantizer.Quantize(sequence, 2).Notes.Single();
        Assert.Equal((192L, 240L), (note.StartTick, note.EndTick));
        Assert.Equal(1.5, note.StartSeconds, 12);
        Assert.Equal(2.0, note.EndSeconds, 12);
    }

    [Fact]
    public void TripletGridWithTicksThatDoNotDivide()
    {
        // 100 ticks per quarter, 3 steps: steps at 0, 33, 67, 100.
        var sequence = new NoteSequence(100);
        sequence.AddNote(60, 90, 30, 70);
        var note = NoteQuantizer.Quantize(sequence, 3).Notes.Single();
        Assert.Equal((33L, 67L), (note.StartTick, note.EndTick));
    }

    [Fact]
    public void ControllersMoveWithTheNotes()
    {
        var sequence = new NoteSequence(480);
        sequence.ControlChanges.Add(new ControlChange(470, 0.49, 0, ControlChange.SustainPedal, 127));
        var cc = NoteQuantizer.Quantize(sequence, 4).ControlChanges.Single();
        Assert.Equal(480, cc.Tick);
        Assert.Equal(0.5, cc.Seconds, 12);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(3, 12)]
    public void RandomNotesLandOnTheGridWithinHalfAStep(int seed, int steps)
    {
        var random = new Random(seed);
        var sequence = new NoteSequence(480, new TempoMap(480, [new TempoChange(0, 600_000), new TempoChange(2000, 350_000)]));
        for (var i = 0; i < 200; i++)
        {
            var start = random.Next(0, 20_000);
            sequence.AddNote(random.Next(30, 90), 90, start, start + random.Next(1, 2000));
        }
        var q = NoteQuantizer.Quantize(sequence, steps);
        var step = 480.0 / steps;
        foreach (var note in q.Notes)
        {
            var k = note.StartTick / step;
            Assert.True(Math.Abs(k - Math.Round(k)) * step <= 0.5, $"{note.StartTick} is off the grid");
            Assert.True(note.EndTick > note.StartTick);
            Assert.Equal(q.TempoMap.TickToSeconds(note.StartTick), note.StartSeconds, 12);
            Assert.Equal(q.TempoMap.TickToSeconds(note.EndTick), note.EndSeconds, 12);
        }
        // Every input note has a quantised twin of the same pitch no more than half a step away.
        var remaining = q.Notes.ToList();
        foreach (var note in sequence.Notes)
        {
            var twin = remaining.First(n => n.Pitch == note.Pitch && Math.Abs(n.StartTick - note.StartTick) <= step / 2 + 1);
            remaining.Remove(twin);
        }
    }
}
