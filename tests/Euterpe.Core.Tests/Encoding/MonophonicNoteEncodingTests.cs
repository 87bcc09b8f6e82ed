using Euterpe.Core.Encoding;
using Euterpe.Core.Music;
using FsCheck;
using FsCheck.Fluent;

namespace Euterpe.Core.Tests.Encoding;

public class MonophonicNoteEncodingTests
{
    private static readonly MonophonicNoteEncoding Default = new();

    [Fact]
    public void JointVocabularyIsPitchesPlusRestTimesDurations()
    {
        Assert.Equal((96 - 36 + 2) * 8, Default.JointVocabularySize);
        Assert.Equal(61, Default.RestPitchToken);
        for (var token = 0; token < Default.JointVocabularySize; token++) Assert.Equal(token, Default.ToJoint(Default.FromJoint(token)));
        Assert.Equal("60_4", Default.TokenName(Default.ToJoint(new MonophonicToken(24, 3))));
        Assert.Equal("REST_16", Default.TokenName(Default.ToJoint(new MonophonicToken(61, 7))));
    }

    [Fact]
    public void ScaleEncodesAsQuarterNotes()
    {
        var pairs = Default.EncodePairs(TestPieces.CMajorScale());
        Assert.Equal([60, 62, 64, 65, 67, 69, 71, 72], pairs.Select(p => p.PitchToken + 36));
        Assert.All(pairs, p => Assert.Equal(4, Default.DurationSteps[p.DurationToken]));
    }

    [Fact]
    public void RestsFillGapsLargestFirst()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 100, 0, 480);            // quarter
        seq.AddNote(62, 100, 480 * 6 + 120, 480 * 7 + 120); // after 5 beats + a sixteenth of silence
        var names = Default.Encode(seq).Select(Default.TokenName).ToArray();
        Assert.Equal(["60_4", "REST_16", "REST_4", "REST_1", "62_4"], names);
    }

    [Fact]
    public void ChordsReduceToTheirTopVoice()
    {
        var pairs = Default.EncodePairs(TestPieces.Cadence());
        Assert.Equal([67, 72, 74, 67], pairs.Select(p => p.PitchToken + 36));
        Assert.All(pairs, p => Assert.Equal(16, Default.DurationSteps[p.DurationToken]));
    }

    [Fact]
    public void RandomGridMelodiesRoundTripExactly()
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var melody = TestPieces.RandomMelody(seed, 64, [1, 2, 3, 4, 6, 8]);
            var decoded = Default.Decode(Default.Encode(melody));
            Assert.Equal(melody.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)), decoded.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
            Assert.All(decoded.Notes, n => Assert.Equal(100, n.Velocity));
        }
    }

    [Fact]
    public void PropertyDecodedMelodiesAreMonophonicAndReencodeToTheSameTokens()
    {
        var gen = from seed in Gen.Choose(0, int.MaxValue) from count in Gen.Choose(0, 50) select (seed, count);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            // Arbitrary polyphony in, so the skyline and duration fallbacks are exercised.
            var tokens = Default.Encode(TestPieces.RandomPolyphonic(p.seed, p.count));
            var decoded = Default.Decode(tokens);
            var monophonic = decoded.Notes.Zip(decoded.Notes.Skip(1)).All(x => x.First.EndTick <= x.Second.StartTick);
            return monophonic && Default.Encode(decoded).AsSpan().SequenceEqual(tokens);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LengthsOutsideTheVocabularyRoundDownAndLeaveARest()
    {
        var encoding = new MonophonicNoteEncoding(durationSteps: [1, 2, 4]);
        var seq = new NoteSequence();
        seq.AddNote(60, 90, 0, 480 * 7 / 4); // 7 sixteenths
        seq.AddNote(64, 90, 480 * 2, 480 * 3);
        var decoded = encoding.Decode(encoding.Encode(seq));
        Assert.Equal([(60, 0L, 480L), (64, 960L, 1440L)], decoded.Notes.Select(n => (n.Pitch, n.StartTick, n.EndTick)));
    }

    [Fact]
    public void OtherResolutionsScaleTicks()
    {
        var seq = TestPieces.CMajorScale();
        var decoded = Default.Decode(Default.Encode(seq), ticksPerQuarter: 96);
        Assert.Equal(96, decoded.TicksPerQuarter);
        Assert.Equal(seq.Notes.Select(n => n.StartSeconds), decoded.Notes.Select(n => n.StartSeconds));
    }

    [Fact]
    public void BadTokensAreUserErrors()
    {
        Assert.Throws<EuterpeException>(() => Default.Decode([Default.JointVocabularySize]));
        Assert.Throws<EuterpeException>(() => Default.DecodePairs([new MonophonicToken(0, 8)]));
    }
}
