using Euterpe.Core.Encoding;
using FsCheck;
using FsCheck.Fluent;

namespace Euterpe.Core.Tests.Encoding;

public class AbcCharacterVocabularyTests
{
    private const string Tune = """
        X: 1
        T: Speed the Plough
        %%MIDI program 25
        M: 4/4
        L: 1/8
        K: G
        |:GABc dedB|dedB dedB|c2ec B2dB| % first strain
        w: la la la
        P:B
        c2A2 A2BA|]
        """;

    [Fact]
    public void BodyDropsHeaderFieldsAndComments()
    {
        var body = AbcCharacterVocabulary.ExtractBody(Tune);
        Assert.Equal("|:GABc dedB|dedB dedB|c2ec B2dB|\nc2A2 A2BA|]\n", body);
    }

    [Fact]
    public void EscapedPercentIsNotAComment()
    {
        Assert.Equal("\"50\\% louder\" abc\n", AbcCharacterVocabulary.ExtractBody("X:1\nK:C\n\"50\\% louder\" abc % note\n"));
    }

    [Fact]
    public void EveryPrintableAsciiCharacterRoundTrips()
    {
        var text = new string([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(i => (char)i)]) + "\n";
        var tokens = AbcCharacterVocabulary.Encode(text);
        Assert.Equal(text.Length, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.InRange(t, 4, AbcCharacterVocabulary.VocabularySize - 1));
        Assert.Equal(text, AbcCharacterVocabulary.Decode(tokens));
        Assert.Equal(100, AbcCharacterVocabulary.VocabularySize);
    }

    [Fact]
    public void PropertyAnyTextRoundTripsUpToUnknownsCarriageReturnsAndTabs()
    {
        Prop.ForAll<string>(text =>
        {
            text ??= "";
            var tokens = AbcCharacterVocabulary.Encode(text, addStartAndEnd: true);
            var expected = new string([.. text.Where(c => c != '\r').Select(c => c == '\t' ? ' ' : c is '\n' or (>= ' ' and <= '~') ? c : '\uFFFD')]);
            return AbcCharacterVocabulary.Decode(tokens) == expected && tokens.All(t => t >= 0 && t < AbcCharacterVocabulary.VocabularySize);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UnknownCharactersAndMarkers()
    {
        var tokens = AbcCharacterVocabulary.Encode("a\r\né\tb", addStartAndEnd: true);
        Assert.Equal(AbcCharacterVocabulary.StartOfTune, tokens[0]);
        Assert.Equal(AbcCharacterVocabulary.EndOfTune, tokens[^1]);
        Assert.Equal(AbcCharacterVocabulary.Unknown, tokens[3]);
        Assert.Equal("a\n\uFFFD b", AbcCharacterVocabulary.Decode(tokens));
        Assert.Equal("ab", AbcCharacterVocabulary.Decode([AbcCharacterVocabulary.Padding, tokens[1], AbcCharacterVocabulary.CharToToken('b'), AbcCharacterVocabulary.EndOfTune, tokens[1]]));
        Assert.Equal("<unk>", AbcCharacterVocabulary.TokenName(1));
        Assert.Equal("\\n", AbcCharacterVocabulary.TokenName(AbcCharacterVocabulary.CharToToken('\n')));
        Assert.Throws<EuterpeException>(() => AbcCharacterVocabulary.Decode([100]));
    }

    [Fact]
    public void RealAbcFilesSplitIntoTunesWhoseBodiesRoundTrip()
    {
        const string dir = "/usr/share/doc/abcmidi/examples";
        Assert.True(Directory.Exists(dir), $"{dir} is missing: install the Debian package abcmidi");
        var files = Directory.GetFiles(dir, "*.abc");
        Assert.NotEmpty(files);
        var tunes = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var split = AbcCharacterVocabulary.SplitTunes(text);
            Assert.Equal(text.Split('\n').Count(l => l.StartsWith("X:", StringComparison.Ordinal)), split.Count);
            foreach (var tune in split)
            {
                var body = AbcCharacterVocabulary.ExtractBody(tune);
                Assert.DoesNotContain("\nK:", "\n" + body);
                Assert.DoesNotContain("\nT:", "\n" + body);
                Assert.DoesNotContain("%", body.Replace("\\%", ""));
                var tokens = AbcCharacterVocabulary.Encode(body);
                if (!tokens.Contains(AbcCharacterVocabulary.Unknown)) Assert.Equal(body.Replace('\t', ' '), AbcCharacterVocabulary.Decode(tokens));
                tunes++;
            }
        }
        Assert.True(tunes >= 20, $"only {tunes} tunes found");
    }
}
