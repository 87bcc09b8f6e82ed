using Euterpe.Core.Abc;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Abc;

/// <summary>ABC features one at a time; expected pitches and lengths follow from the ABC 2.1 rules (C = middle C = 60, L:1/8 = 240 ticks).</summary>
public class AbcReaderTests
{
    private static AbcTune One(string body, string header = "L:1/8\nK:C") =>
        AbcReader.Parse($"X:1\nT:test\nM:4/4\n{header}\n{body}\n", "test.abc").Single();

    private static int[] Pitches(AbcTune tune) => [.. tune.Sequence.Notes.Select(n => n.Pitch)];

    private static long[] Lengths(AbcTune tune) => [.. tune.Sequence.Notes.Select(n => n.DurationTicks)];

    private static long[] Starts(AbcTune tune) => [.. tune.Sequence.Notes.Select(n => n.StartTick)];

    [Theory]
    [InlineData("K:G", new[] { 60, 62, 64, 66, 67, 69, 71 })]
    [InlineData("K:D dorian", new[] { 60, 62, 64, 65, 67, 69, 71 })]
    [InlineData("K:Ador", new[] { 60, 62, 64, 66, 67, 69, 71 })]
    [InlineData("K:Amix", new[] { 61, 62, 64, 66, 67, 69, 71 })]
    [InlineData("K:F#m", new[] { 61, 62, 64, 66, 68, 69, 71 })]
    [InlineData("K:Bb", new[] { 60, 62, 63, 65, 67, 69, 70 })]
    [InlineData("K:Ephr", new[] { 60, 62, 64, 65, 67, 69, 71 })]
    [InlineData("K:Flyd", new[] { 60, 62, 64, 65, 67, 69, 71 })]
    [InlineData("K:Bloc", new[] { 60, 62, 64, 65, 67, 69, 71 })]
    [InlineData("K:Cb", new[] { 59, 61, 63, 64, 66, 68, 70 })]
    [InlineData("K:Dphr ^F", new[] { 60, 62, 63, 66, 67, 69, 70 })]
    [InlineData("K:D exp _b", new[] { 60, 62, 64, 65, 67, 69, 70 })]
    public void KeySignaturesAndModesAlterTheScale(string key, int[] expected)
    {
        var tune = One("CDEFGAB", "L:1/8\n" + key);
        Assert.Equal(expected, Pitches(tune));
    }

    [Fact]
    public void KeySignatureIsRecorded()
    {
        var tune = One("A", "L:1/8\nK:Em");
        Assert.Equal(new KeySignature(0, 1, true), tune.Sequence.KeySignatures.Single());
        Assert.Equal(new TimeSignature(0, 4, 4), tune.Sequence.TimeSignatures.Single());
    }

    [Fact]
    public void AccidentalsLastToTheBarLine()
    {
        var tune = One("^F F f =F F | F __B ^^C _E", "L:1/8\nK:G");
        Assert.Equal(new[] { 66, 66, 78, 65, 65, 66, 69, 62, 63 }, Pitches(tune));
    }

    [Fact]
    public void OctaveMarks()
    {
        Assert.Equal(new[] { 36, 48, 60, 72, 84, 96 }, Pitches(One("C,, C, C c c' c''")));
    }

    [Fact]
    public void Lengths_MultipliersAndFractions()
    {
        var tune = One("A2 A/2 A/ A3/2 A// A");
        Assert.Equal(new long[] { 480, 120, 120, 360, 60, 240 }, Lengths(tune));
        Assert.Equal(new long[] { 0, 480, 600, 720, 1080, 1140 }, Starts(tune));
    }

    [Fact]
    public void RestsAdvanceTime()
    {
        var tune = One("z A x2 B Z C", "L:1/8\nK:C");
        Assert.Equal(new long[] { 240, 960, 1200 + 1920 }, Starts(tune));
    }

    [Fact]
    public void BrokenRhythm()
    {
        var tune = One("A>B A<B A>>B");
        Assert.Equal(new long[] { 360, 120, 120, 360, 420, 60 }, Lengths(tune));
    }

    [Fact]
    public void Tuplets()
    {
        var tune = One("(3ABc d (5:4:5ABcde (3:2:2A2B2 c");
        Assert.Equal(new long[] { 160, 160, 160, 240, 192, 192, 192, 192, 192, 320, 320, 240 }, Lengths(tune));
        Assert.Equal(480 + 240 + 960 + 640, Starts(tune)[^1]);
    }

    [Fact]
    public void TiesJoinNotesAcrossBars()
    {
        var tune = One("A2-A2 | B4- | B2 c-d");
        Assert.Equal(new[] { 69, 71, 72, 74 }, Pitches(tune));
        Assert.Equal(new long[] { 960, 1440, 240, 240 }, Lengths(tune));
    }

    [Fact]
    public void TiedNoteKeepsItsAccidentalAcrossTheBar()
    {
        // abc2midi plays ^F2-|F2 as one F sharp, and the F after it as F natural.
        var tune = One("^F2-|F2 F2|", "L:1/4\nK:C");
        Assert.Equal(new[] { (66, 0L, 1920L), (65, 1920L, 2880L) }, tune.Sequence.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
    }

    [Fact]
    public void ChordsSoundTogether()
    {
        var tune = One("[CEG]2 [c2e2] [DF]/ A");
        Assert.Equal(new[] { 60, 64, 67, 72, 76, 62, 65, 69 }, Pitches(tune));
        Assert.Equal(new long[] { 0, 0, 0, 480, 480, 960, 960, 1080 }, Starts(tune));
        Assert.Equal(480, tune.Sequence.Notes[3].DurationTicks);
    }

    [Fact]
    public void RepeatsAndEndingsArePlayedOut()
    {
        Assert.Equal(new[] { 69, 71, 69, 71, 72 }, Pitches(One("|:A B:| c|]", "L:1/4\nK:C")));
        Assert.Equal(new[] { 69, 71, 69, 72, 74 }, Pitches(One("|:A |1 B :|2 c | d|]", "L:1/4\nK:C")));
        Assert.Equal(new[] { 69, 71, 69, 72, 74, 74 }, Pitches(One("A [1 B :| [2 c || d :|", "L:1/4\nK:C")));
        Assert.Equal(new[] { 69, 69, 71, 71 }, Pitches(One("|: A :|: B :|", "L:1/4\nK:C")));
        Assert.Equal(new[] { 69, 69, 71, 71 }, Pitches(One("|: A :: B :|", "L:1/4\nK:C")));
        var timed = One("|:A B:|", "L:1/4\nK:C");
        Assert.Equal(new long[] { 0, 480, 960, 1440 }, Starts(timed));
    }

    [Theory]
    [InlineData("ABAC", new[] { 60, 62, 60, 64 })]
    [InlineData("A2B", new[] { 60, 60, 62 })]
    [InlineData("(AB)2C", new[] { 60, 62, 60, 62, 64 })]
    [InlineData("((AB)2C)2", new[] { 60, 62, 60, 62, 64, 60, 62, 60, 62, 64 })]
    public void HeaderPartOrderPlaysBodyParts(string order, int[] expected)
    {
        var tune = One("P:A\nC|\nP:B\nD|\nP:C\nE|", $"L:1/4\nP:{order}\nK:C");
        Assert.Equal(expected, Pitches(tune));
    }

    [Fact]
    public void ChordSymbolsAreKeptAndAnnotationsAreNot()
    {
        var tune = One("\"Am\"A2 \"^rit.\"B \"D7\"c |: \"G\"d :|");
        Assert.Equal(new[] { (0L, "Am"), (720L, "D7"), (960L, "G"), (1200L, "G") }, tune.ChordSymbols.Select(c => (c.Tick, c.Text)).ToArray());
        Assert.Equal(4 + 1, tune.Sequence.Notes.Count);
    }

    [Fact]
    public void GraceNotesDecorationsSlursAndCommentsAreSkipped()
    {
        var tune = One("{g}A !trill!B .c ~d (ef) Tg +fermata+a % comment C D\n"
            + "% a whole comment line\nb \\\nc'");
        Assert.Equal(new[] { 69, 71, 72, 74, 76, 77, 79, 81, 83, 84 }, Pitches(tune));
        Assert.Equal(new long[] { 0, 240, 480, 720, 960, 1200, 1440, 1680, 1920, 2160 }, Starts(tune));
    }

    [Fact]
    public void InlineAndBodyFieldsChangeKeyLengthAndMeter()
    {
        var tune = One("F [K:G] F [L:1/4] F | [M:3/4] F\nK:F\nB");
        Assert.Equal(new[] { 65, 66, 66, 66, 70 }, Pitches(tune));
        Assert.Equal(new long[] { 240, 240, 480, 480, 480 }, Lengths(tune));
        Assert.Equal(new[] { new TimeSignature(0, 4, 4), new TimeSignature(960, 3, 4) }, tune.Sequence.TimeSignatures);
        Assert.Equal(new[] { 0, 1, -1 }, tune.Sequence.KeySignatures.Select(k => k.Sharps).ToArray());
    }

    [Fact]
    public void VoicesBecomeTracksStartingTogether()
    {
        var tune = One("V:1\nc2 d2|\nV:2\nC4|\nV:1\ne4|", "L:1/8\nK:C");
        var notes = tune.Sequence.Notes;
        Assert.Equal(2, tune.Sequence.Tracks.Count);
        Assert.Equal(new[] { (72, 0L, 0), (74, 480L, 0), (76, 960L, 0) }, notes.Where(n => n.Track == 0).Select(n => (n.Pitch, n.StartTick, n.Channel)));
        Assert.Equal(new[] { (60, 0L, 1) }, notes.Where(n => n.Track == 1).Select(n => (n.Pitch, n.StartTick, n.Channel)));
    }

    [Fact]
    public void HeadersTempoAndDefaults()
    {
        var tunes = AbcReader.Parse("%abc-2.1\nfree text\n\nX:7\nT:First\nT:Second title\nM:2/4\nQ:1/4=60\nK:Am\nAB|\n\nX:8\nT:Other\nM:6/8\nK:D\nd\n", "two.abc");
        Assert.Equal(2, tunes.Count);
        var first = tunes[0];
        Assert.Equal((7, "First", "2/4", "1/16", "Am"), (first.ReferenceNumber, first.Title, first.Meter, first.UnitLength, first.Key));
        Assert.Equal("AB|\n", first.Body);
        Assert.Equal(120, first.Sequence.Notes[0].DurationTicks); // 2/4 < 3/4: default unit is a sixteenth
        Assert.Equal(0.25, first.Sequence.Notes[1].StartSeconds, 9);
        Assert.Equal("1/8", tunes[1].UnitLength);
        Assert.Equal(74, tunes[1].Sequence.Notes.Single().Pitch);
    }

    [Theory]
    [InlineData("Q:90", 60.0 / 90)]                    // old bare form: quarters per minute, as abc2midi reads it
    [InlineData("Q:3/8=40", 60.0 / 40 / 1.5)]          // dotted quarter beats
    [InlineData("Q:\"Allegro\" 1/2=60", 0.5)]
    [InlineData("Q:1/8 1/8=30", 2.0)]                   // a beat written as a sum of lengths (a quarter, 30 a minute)
    public void TempoFieldForms(string field, double secondsPerQuarter)
    {
        var tune = One("A2 B2", "L:1/8\n" + field + "\nK:C");
        Assert.Equal(secondsPerQuarter, tune.Sequence.Notes[1].StartSeconds, 6);
    }

    [Fact]
    public void UnexpectedCharacterNamesFileAndLine()
    {
        var e = Assert.Throws<AbcFormatException>(() => AbcReader.Parse("X:1\nK:C\nAB|\nA # B", "bad.abc"));
        Assert.Equal("bad.abc: line 4, column 3: unexpected character \"#\"", e.Message);
        Assert.IsAssignableFrom<EuterpeException>(e);
    }

    [Theory]
    [InlineData("X:1\nK:C\n\"Am A", "line 3")]
    [InlineData("X:1\nK:C\n[CEG", "line 3")]
    [InlineData("X:1\nL:1/0\nK:C\nA", "line 2")]
    [InlineData("X:1\nK:Q\nA", "line 2")]
    [InlineData("X:1\nT:no key\n", "no K: field")]
    [InlineData("no tunes here", "no tune found")]
    [InlineData("X:1\nK:C\nA0", "line 3")]
    [InlineData("X:1\nQ:1/4=0\nK:C\nA", "line 2")]
    [InlineData("X:1\nK:C\n(3:2:9A/3(5A/5(7A/7(11A/11(13A/13(17A/17(19A/19(23A/23(29A/29(31A/31(37A/37(41A/41(43A/43(47A/47(53A/53(59A/59(61A/61", "too finely divided")]
    public void MalformedInputIsAFormatError(string text, string expected)
    {
        var e = Assert.Throws<AbcFormatException>(() => AbcReader.Parse(text, "bad.abc"));
        Assert.StartsWith("bad.abc: ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingFileIsAEuterpeError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"euterpe-missing-{Guid.NewGuid():N}.abc");
        var e = Assert.Throws<EuterpeException>(() => AbcReader.ReadTunes(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GarbledTunesFailOnlyWithFormatErrors(int seed)
    {
        // Mutations of a real tune: anything may come out, but only as a tune or a one-line AbcFormatException.
        var original = File.ReadAllText(Path.Combine(Abc2MidiReference.ExamplesDirectory, "demo.abc"));
        const string alphabet = "ABCabcz^_=,'/23456789()[]{}|:<>-\"!+.~%KLMQVX \n";
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var chars = original.ToCharArray();
            for (var k = 0; k < 20; k++) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            try
            {
                foreach (var tune in AbcReader.Parse(new string(chars), "garbled.abc"))
                    Assert.All(tune.Sequence.Notes, n => Assert.True(n.EndTick > n.StartTick && n.Pitch is >= 0 and <= 127));
            }
            catch (AbcFormatException e)
            {
                Assert.StartsWith("garbled.abc: line ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }
}
