using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Music;

public class SustainPedalTests
{
    private static NoteSequence WithPedal(params (long Tick, int Value, int Channel)[] pedal)
    {
        var sequence = new NoteSequence(480);
        foreach (var (tick, value, channel) in pedal)
            sequence.ControlChanges.Add(new ControlChange(tick, sequence.TempoMap.TickToSeconds(tick), channel, ControlChange.SustainPedal, value));
        return sequence;
    }

    [Fact]
    public void NotesReleasedUnderThePedalSoundUntilItLifts()
    {
        var sequence = WithPedal((400, 127, 0), (1900, 0, 0));
        sequence.AddNote(60, 90, 0, 480);      // released under the pedal → 1900
        sequence.AddNote(64, 90, 0, 300);      // released before the pedal → unchanged
        sequence.AddNote(67, 90, 1000, 2000);  // released after the pedal → unchanged
        sequence.AddNote(72, 90, 0, 480, channel: 1); // other channel → unchanged
        var result = SustainPedal.Apply(sequence);
        var ends = result.Notes.ToDictionary(n => (n.Pitch, n.Channel), n => n.EndTick);
        Assert.Equal(1900, ends[(60, 0)]);
        Assert.Equal(300, ends[(64, 0)]);
        Assert.Equal(2000, ends[(67, 0)]);
        Assert.Equal(480, ends[(72, 1)]);
        var held = result.Notes.Single(n => n.Pitch == 60);
        Assert.Equal(result.TempoMap.TickToSeconds(1900), held.EndSeconds, 12);
        Assert.Equal(2, result.ControlChanges.Count); // the pedal events stay
    }

    [Fact]
    public void ReStrikingUnderThePedalEndsTheEarlierNote()
    {
        var sequence = WithPedal((0, 100, 0), (3000, 10, 0));
        sequence.AddNote(60, 90, 0, 200);
        sequence.AddNote(60, 90, 1000, 1200);
        sequence.AddNote(62, 90, 500, 700);
        var result = SustainPedal.Apply(sequence);
        Assert.Equal(new[] { (60, 0L, 1000L), (62, 500L, 3000L), (60, 1000L, 3000L) },
            result.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
    }

    [Fact]
    public void PedalChangesRepedalAndThreshold()
    {
        // Down at 0, half value 63 (up) at 500, down again at 600 (64 is down), never lifted.
        var sequence = WithPedal((0, 127, 0), (500, 63, 0), (600, 64, 0));
        sequence.AddNote(60, 90, 0, 100);   // → 500
        sequence.AddNote(62, 90, 0, 550);   // released while up → unchanged
        sequence.AddNote(64, 90, 0, 700);   // → end of the sequence (the last note end, 2000)
        sequence.AddNote(65, 90, 1000, 2000);
        var ends = SustainPedal.Apply(sequence).Notes.ToDictionary(n => n.Pitch, n => n.EndTick);
        Assert.Equal(500, ends[60]);
        Assert.Equal(550, ends[62]);
        Assert.Equal(2000, ends[64]);
        Assert.Equal(2000, ends[65]);
    }

    [Fact]
    public void DrumsAreNotSustained()
    {
        var sequence = WithPedal((0, 127, 9), (1000, 0, 9));
        sequence.AddNote(36, 90, 0, 100, channel: 9, isDrum: true);
        Assert.Equal(100, SustainPedal.Apply(sequence).Notes.Single().EndTick);
    }
}
