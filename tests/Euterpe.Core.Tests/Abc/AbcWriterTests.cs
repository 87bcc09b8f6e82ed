using Euterpe.Core.Abc;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Abc;

public class AbcWriterTests
{
    private static (int Pitch, long Start, long End)[] Notes(NoteSequence sequence) =>
        [.. sequence.Notes.OrderBy(n => n.StartTick).Select(n => (n.Pitch, n.StartTick, n.EndTick))];

    private static NoteSequence Track(NoteSequence source, int track)
    {
        var copy = new NoteSequence(source.TicksPerQuarter, source.TempoMap);
        copy.TimeSignatures.AddRange(source.TimeSignatures.Take(1));
        copy.KeySignatures.AddRange(source.KeySignatures.Take(1));
        foreach (var n in source.Notes.Where(n => n.Track == track)) copy.Notes.Add(n);
        return copy;
    }

    public static TheoryData<string, int, int> MonophonicExampleVoices() => new()
    {
        { "demo.abc", 1, 0 },       // key change to F inside (written back in G with accidentals)
        { "demo.abc", 3, 0 },       // ties, 6/8
        { "demo.abc", 8, 0 },       // dotted lengths
        { "boys.abc", 3, 0 },       // broken rhythm, repeats, accidentals
        { "coleraine.abc", 8, 0 },  // 2:1 broken rhythm
        { "araber.abc", 47, 0 },    // phrygian key with ^F, triplets
        { "demo.abc", 4, 2 },       // tenor voice, low notes
    };

    [Theory]
    [MemberData(nameof(MonophonicExampleVoices))]
    public void ExampleVoicesRoundTrip(string file, int reference, int track)
    {
        var tune = AbcReader.ReadTunes(Path.Combine(Abc2MidiReference.ExamplesDirectory, file)).Single(t => t.ReferenceNumber == reference);
        var voice = Track(tune.Sequence, track);
        Assert.NotEmpty(voice.Notes);
        var abc = AbcWriter.Write(voice, reference, tune.Title);
        var back = AbcReader.Parse(abc, "written.abc").Single();
        Assert.Equal(Notes(voice), Notes(back.Sequence));
        Assert.Equal(voice.KeySignatures[0] with { Tick = 0 }, back.Sequence.KeySignatures[0]);
        Assert.Equal(voice.TimeSignatures[0], back.Sequence.TimeSignatures[0]);
    }

    [Theory]
    [InlineData(1, 0, false, 4, 4)]
    [InlineData(2, 3, false, 6, 8)]
    [InlineData(3, -4, false, 3, 4)]
    [InlineData(4, 2, true, 2, 2)]
    [InlineData(5, -6, true, 5, 4)]
    [InlineData(6, 7, false, 7, 8)]
    public void RandomMelodiesRoundTrip(int seed, int sharps, bool minor, int numerator, int denominator)
    {
        // Chromatic pitches, odd lengths (triplets, dotted, long ties over bars) and gaps of any size.
        var random = new Random(seed);
        var sequence = new NoteSequence(480, new TempoMap(480, [new TempoChange(0, 400_000)]));
        sequence.TimeSignatures.Add(new TimeSignature(0, numerator, denominator));
        sequence.KeySignatures.Add(new KeySignature(0, sharps, minor));
        int[] lengths = [60, 120, 160, 240, 320, 360, 480, 720, 960, 1440, 2400, 80, 40];
        var t = (long)random.Next(0, 3) * 120;
        for (var i = 0; i < 80; i++)
        {
            var length = lengths[random.Next(lengths.Length)];
            sequence.AddNote(random.Next(36, 96), 90, t, t + length);
            t += length + (random.Next(4) == 0 ? lengths[random.Next(lengths.Length)] : 0);
        }
        var abc = AbcWriter.Write(sequence);
        var back = AbcReader.Parse(abc, "random.abc").Single().Sequence;
        Assert.Equal(Notes(sequence), Notes(back));
        Assert.Equal(sequence.KeySignatures[0], back.KeySignatures[0]);
        Assert.Equal(sequence.Notes[^1].EndSeconds, back.Notes[^1].EndSeconds, 6);
    }

    [Fact]
    public void WritesHeadersAccidentalsBarsAndRests()
    {
        // In G: F# needs no sign, F natural needs =, which lasts to the bar line; a half-bar gap is a rest.
        var sequence = new NoteSequence(480);
        sequence.TimeSignatures.Add(new TimeSignature(0, 4, 4));
        sequence.KeySignatures.Add(new KeySignature(0, 1, false));
        sequence.AddNote(66, 90, 0, 480);      // F#  (quarter)
        sequence.AddNote(65, 90, 480, 720);    // F   (eighth)
        sequence.AddNote(65, 90, 720, 960);    // F
        sequence.AddNote(77, 90, 1920, 2880);  // f   (half, after a half rest)
        sequence.AddNote(60, 90, 2880, 4320);  // C   (dotted half over the bar: tied)
        var abc = AbcWriter.Write(sequence, 3, "Probe");
        Assert.Contains("X:3\n", abc);
        Assert.Contains("T:Probe\n", abc);
        Assert.Contains("M:4/4\n", abc);
        Assert.Contains("L:1/8\n", abc);
        Assert.Contains("K:G\n", abc);
        var body = abc[(abc.IndexOf("K:G\n", StringComparison.Ordinal) + 4)..];
        Assert.Equal("F2 =F F z4 | =f4 C4- | C2 |]", body.Replace("\n", " ", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void OverlappingNotesAreCutAtTheNextOnset()
    {
        var sequence = new NoteSequence(480);
        sequence.AddNote(60, 90, 0, 960);
        sequence.AddNote(64, 90, 480, 960);
        var back = AbcReader.Parse(AbcWriter.Write(sequence), "x.abc").Single().Sequence;
        Assert.Equal(new[] { (60, 0L, 480L), (64, 480L, 960L) }, Notes(back));
    }

    [Fact]
    public void WriteFileWritesWhatReadTunesReads()
    {
        var tune = AbcReader.ReadTunes(Path.Combine(Abc2MidiReference.ExamplesDirectory, "demo.abc")).Single(t => t.ReferenceNumber == 3);
        using var dir = new TempFolder("euterpe-abcw-");
        var path = dir.File("out.abc");
        AbcWriter.WriteFile(path, tune.Sequence, 3, tune.Title);
        var back = AbcReader.ReadTunes(path).Single();
        Assert.Equal("Smash the Windows", back.Title);
        Assert.Equal(Notes(tune.Sequence), Notes(back.Sequence));
        Assert.Single(Directory.GetFiles(dir.Root)); // no temporary file left behind
    }
}
