using Euterpe.Core.Families.Refine;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// What the refine nets read: a song's parts (checked against python3-mido's notes of the same file) and the features
/// of each note.
/// </summary>
public sealed class RefinePartsTests
{
    private const string Song = "/usr/share/games/openttd/baseset/openmsx/chuggachugga.mid";

    [Fact]
    public void Parts_are_the_pitched_notes_of_each_track_and_channel_as_mido_reads_them()
    {
        var sequence = MidiFileReader.Read(Song);
        var parts = NotePart.Split(sequence);
        // mido_notes.py: track,channel,program,pitch,velocity,start_tick,end_tick,start_s,end_s
        var mido = PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), Song).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).Where(f => f[1] != "9")
            .Select(f => (Track: int.Parse(f[0]), Channel: int.Parse(f[1]), Pitch: int.Parse(f[3]), Velocity: int.Parse(f[4]), Start: long.Parse(f[5]), End: long.Parse(f[6])))
            .GroupBy(n => (n.Track, n.Channel)).OrderBy(g => g.Key.Track).ThenBy(g => g.Key.Channel).ToList();
        Assert.Equal(mido.Count, parts.Count);
        var tpq = sequence.TicksPerQuarter;
        for (var p = 0; p < parts.Count; p++)
        {
            var theirs = mido[p].OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();
            Assert.Equal(theirs.Count, parts[p].Count);
            Assert.Equal(theirs.Select(n => n.Start / (double)tpq), parts[p].Onsets);
            Assert.Equal(theirs.Select(n => (n.End - n.Start) / (double)tpq), parts[p].Durations);
            Assert.Equal(theirs.Select(n => n.Velocity), parts[p].Velocities);
        }
        Assert.True(parts.Sum(p => p.Count) > 500);
    }

    [Fact]
    public void Features_hold_times_as_log_beats_and_mark_chords()
    {
        Assert.Equal(-0.5f, RefineFeatures.LogBeats(0.25));
        Assert.Equal(0f, RefineFeatures.LogBeats(1));
        Assert.Equal(0.5f, RefineFeatures.LogBeats(4));
        Assert.Equal(RefineFeatures.LogBeats(1.0 / 16), RefineFeatures.LogBeats(0)); // floored at a 64th
        Assert.Equal(0.25, RefineFeatures.Beats(RefineFeatures.LogBeats(0.25)), 6);

        // A C major chord on beat 2 (480 ticks a beat), then an E a beat later.
        var seq = new NoteSequence();
        foreach (var pitch in new[] { 60, 64, 67 }) seq.AddNote(pitch, 80, 480, 960);
        seq.AddNote(76, 100, 960, 1200);
        var part = Assert.Single(NotePart.Split(seq));
        Assert.Equal([0.0, 0.0, 1.0, 0.5], Enumerable.Range(0, 4).Select(part.Gap));
        var mean = RefineFeatures.MeanPitch(part);
        var features = new float[RefineFeatures.VelocityInputs];
        RefineFeatures.Velocity(part, 1, mean, features);
        Assert.Equal(3 / 8f, features[8]);   // three notes start together
        Assert.Equal(0f, features[9]);       // E4 is not the chord's top
        Assert.Equal(0f, features[2]);       // next onset a beat later: log2(1) / 4
        RefineFeatures.Velocity(part, 2, mean, features);
        Assert.Equal(1f, features[9]);
        Assert.Equal(1f, features[5], 6);    // on the beat: cos 0
        RefineFeatures.Velocity(part, 3, mean, features);
        Assert.Equal(0f, features[3]);       // a beat after the chord
        Assert.Equal(76 / 128f, features[0]);

        var duration = new float[RefineFeatures.DurationInputs];
        RefineFeatures.Duration(part, 3, duration);
        Assert.Equal(RefineFeatures.LogBeats(0.5), duration[1]);
        Assert.Equal(1f, duration[4], 6);   // half a beat is on the sixteenth grid: cos 0
        Assert.Equal(-1f, duration[8], 5);  // and half-way between eighth-triplet lines: cos π
        Assert.Equal(64, VelocityOf(0.5f));
    }

    private static int VelocityOf(float output) => RefineFeatures.VelocityOf(output);
}
