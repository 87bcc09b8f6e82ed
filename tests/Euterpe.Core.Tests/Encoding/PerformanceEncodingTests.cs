using Euterpe.Core.Encoding;
using Euterpe.Core.Music;
using FsCheck;
using FsCheck.Fluent;

namespace Euterpe.Core.Tests.Encoding;

public class PerformanceEncodingTests
{
    private static readonly PerformanceEncoding Default = new();

    [Fact]
    public void DefaultVocabularyIsNoteSeqs388()
    {
        Assert.Equal(128 + 128 + 100 + 32, Default.VocabularySize);
        Assert.Equal("NOTE_ON_0", Default.TokenName(0));
        Assert.Equal("NOTE_ON_60", Default.TokenName(60));
        Assert.Equal("NOTE_OFF_60", Default.TokenName(128 + 60));
        Assert.Equal("TIME_SHIFT_1", Default.TokenName(256));
        Assert.Equal("TIME_SHIFT_100", Default.TokenName(355));
        Assert.Equal("VELOCITY_1", Default.TokenName(356));
        Assert.Equal("VELOCITY_32", Default.TokenName(387));
    }

    [Fact]
    public void TokenNamesParseBackForEveryToken()
    {
        var encoding = new PerformanceEncoding(new PerformanceEncodingOptions { MinPitch = 21, MaxPitch = 108, MaxShiftSteps = 125, VelocityBins = 16 });
        for (var token = 0; token < encoding.VocabularySize; token++)
        {
            Assert.True(encoding.TryParseTokenName(encoding.TokenName(token), out var parsed));
            Assert.Equal(token, parsed);
            Assert.Equal(token, encoding.EventToToken(encoding.TokenToEvent(token)));
        }
        Assert.False(encoding.TryParseTokenName("NOTE_ON_20", out _));
        Assert.False(encoding.TryParseTokenName("TIME_SHIFT_0", out _));
        Assert.False(encoding.TryParseTokenName("VELOCITY_17", out _));
        Assert.False(encoding.TryParseTokenName("CHORD_C", out _));
    }

    [Fact]
    public void OneNoteEncodesAsVelocityOnShiftOff()
    {
        var seq = new NoteSequence();
        seq.AddNoteSeconds(60, 100, 0.0, 1.5);
        var names = Default.Encode(seq).Select(Default.TokenName).ToArray();
        // Velocity 100 is in bin (100-1)/4+1 = 25; 1.5 s = 150 steps = 100 + 50.
        Assert.Equal(["VELOCITY_25", "NOTE_ON_60", "TIME_SHIFT_100", "TIME_SHIFT_50", "NOTE_OFF_60"], names);
    }

    [Fact]
    public void TimedEncodingGivesTheStreamingDecodersClock()
    {
        var piece = TestPieces.RandomPolyphonic(21, 80);
        var (tokens, seconds) = Default.EncodeTimed(piece);
        Assert.Equal(Default.Encode(piece), tokens);
        Assert.Equal(tokens.Length, seconds.Length);
        var decoder = new PerformanceStreamDecoder(Default);
        Span<StreamedNoteEvent> buffer = stackalloc StreamedNoteEvent[2];
        for (var i = 0; i < tokens.Length; i++)
        {
            decoder.Feed(tokens[i], buffer);
            Assert.Equal(decoder.Seconds, seconds[i], 9);
        }
    }

    [Fact]
    public void ChordSharesOneVelocityAndOffsPrecedeOns()
    {
        var seq = new NoteSequence();
        seq.AddNoteSeconds(64, 80, 0.0, 0.5);
        seq.AddNoteSeconds(60, 80, 0.0, 0.5);
        seq.AddNoteSeconds(62, 77, 0.5, 0.6); // 77 and 80 share bin 20
        var names = Default.Encode(seq).Select(Default.TokenName).ToArray();
        Assert.Equal(["VELOCITY_20", "NOTE_ON_60", "NOTE_ON_64", "TIME_SHIFT_50", "NOTE_OFF_60", "NOTE_OFF_64", "NOTE_ON_62", "TIME_SHIFT_10", "NOTE_OFF_62"], names);
    }

    [Fact]
    public void CMajorScaleRoundTripsExactlyAfterVelocityBinning()
    {
        var scale = TestPieces.CMajorScale(velocity: 81); // 81 is the lowest velocity of bin 21
        var decoded = Default.Decode(Default.Encode(scale));
        Assert.Equal(scale.Notes.Select(n => (n.Pitch, n.Velocity, n.StartSeconds, n.EndSeconds)),
            decoded.Notes.Select(n => (n.Pitch, n.Velocity, n.StartSeconds, n.EndSeconds)));
    }

    [Fact]
    public void OverlappingSamePitchIsCutAtTheNewOnset()
    {
        var seq = new NoteSequence();
        seq.AddNoteSeconds(60, 64, 0.0, 1.0);
        seq.AddNoteSeconds(60, 64, 0.5, 0.7);
        seq.AddNoteSeconds(67, 64, 0.2, 0.3);
        seq.AddNoteSeconds(67, 64, 0.2, 0.4); // same onset: the longer one stays
        var decoded = Default.Decode(Default.Encode(seq));
        var got = decoded.Notes.Select(n => (n.Pitch, Math.Round(n.StartSeconds, 6), Math.Round(n.EndSeconds, 6))).ToArray();
        Assert.Equal([(60, 0.0, 0.5), (67, 0.2, 0.4), (60, 0.5, 0.7)], got);
    }

    [Fact]
    public void DecoderToleratesStrayTokens()
    {
        // NOTE_OFF of a silent pitch is ignored, a repeated NOTE_ON re-attacks, an unterminated note ends at the last time.
        int[] tokens = [128 + 40, 60, 256 + 9, 60, 256 + 19];
        var decoded = Default.Decode(tokens);
        Assert.Equal(2, decoded.Notes.Count);
        Assert.Equal(0.1, decoded.Notes[0].EndSeconds, 9);
        Assert.Equal(0.3, decoded.Notes[1].EndSeconds, 9);
        Assert.All(decoded.Notes, n => Assert.Equal(64, n.Velocity));
    }

    [Fact]
    public void TokenOutsideVocabularyIsAUserError()
    {
        var ex = Assert.Throws<EuterpeException>(() => Default.Decode([5, 388]));
        Assert.StartsWith("tokens:", ex.Message);
    }

    [Fact]
    public void RandomPolyphonicPiecesRoundTripToTheirQuantizedForm()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var piece = TestPieces.RandomPolyphonic(seed);
            var expected = Default.Quantize(piece);
            var decoded = Default.Decode(Default.Encode(piece));
            Assert.Equal(expected.Notes, decoded.Notes);
            // Quantising is idempotent and the encoding of the quantized piece is the same token stream.
            Assert.Equal(Default.Encode(piece), Default.Encode(expected));
            // Every original onset is still an onset of its pitch, at most half a step away.
            Assert.All(piece.Notes, n => Assert.Contains(decoded.Notes, d => d.Pitch == n.Pitch && Math.Abs(d.StartSeconds - n.StartSeconds) <= 0.005 + 1e-9));
        }
    }

    [Fact]
    public void QuantizedTimesAreWithinHalfAStep()
    {
        var piece = TestPieces.RandomPolyphonic(7, tracks: 1);
        // Keep one note per pitch so no overlap rule applies; then every time moves by at most half a step.
        var distinct = new NoteSequence();
        foreach (var g in piece.Notes.GroupBy(n => n.Pitch)) distinct.Notes.Add(g.First());
        distinct.Sort();
        var decoded = Default.Decode(Default.Encode(distinct));
        Assert.Equal(distinct.Notes.Count, decoded.Notes.Count);
        foreach (var (a, b) in distinct.Notes.OrderBy(n => n.Pitch).Zip(decoded.Notes.OrderBy(n => n.Pitch)))
        {
            Assert.Equal(a.Pitch, b.Pitch);
            Assert.InRange(b.StartSeconds - a.StartSeconds, -0.005 - 1e-9, 0.005 + 1e-9);
            Assert.InRange(b.Velocity, a.Velocity - 3, a.Velocity);
        }
    }

    [Fact]
    public void WithoutVelocityBinsEveryNotePlaysAtTheDefault()
    {
        var encoding = new PerformanceEncoding(new PerformanceEncodingOptions { VelocityBins = 0, DefaultVelocity = 90 });
        Assert.Equal(356, encoding.VocabularySize);
        var piece = TestPieces.RandomPolyphonic(8, 50);
        var tokens = encoding.Encode(piece);
        Assert.All(tokens, t => Assert.NotEqual(PerformanceEventType.Velocity, encoding.TokenToEvent(t).Type));
        var decoded = encoding.Decode(tokens);
        Assert.All(decoded.Notes, n => Assert.Equal(90, n.Velocity));
        Assert.Equal(encoding.Quantize(piece).Notes, decoded.Notes);
    }

    [Fact]
    public void VelocityBinsCoverTheMidiRange()
    {
        Assert.Equal(1, Default.VelocityToBin(1));
        Assert.Equal(1, Default.VelocityToBin(4));
        Assert.Equal(2, Default.VelocityToBin(5));
        Assert.Equal(32, Default.VelocityToBin(127));
        Assert.Equal(125, Default.BinToVelocity(32));
        for (var v = 1; v <= 127; v++) Assert.Equal(Default.VelocityToBin(v), Default.VelocityToBin(Default.QuantizeVelocity(v)));
    }

    [Fact]
    public void PropertyRoundTripWithCustomOptions()
    {
        var encoding = new PerformanceEncoding(new PerformanceEncodingOptions { MinPitch = 36, MaxPitch = 96, StepSeconds = 0.008, MaxShiftSteps = 125, VelocityBins = 8 });
        var gen = from seed in Gen.Choose(0, int.MaxValue)
                  from count in Gen.Choose(0, 60)
                  select (seed, count);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var piece = TestPieces.RandomPolyphonic(p.seed, p.count);
            var decoded = encoding.Decode(encoding.Encode(piece));
            var expected = encoding.Quantize(piece);
            return decoded.Notes.SequenceEqual(expected.Notes)
                && decoded.Notes.All(n => n.Pitch is >= 36 and <= 96 && n.EndSeconds > n.StartSeconds);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_note_left_on_ends_at_the_longest_length_and_a_reattack_starts_its_count_again()
    {
        int On(int p) => Default.EventToToken(PerformanceEvent.NoteOn(p));
        int Off(int p) => Default.EventToToken(PerformanceEvent.NoteOff(p));
        var second = Default.EventToToken(PerformanceEvent.TimeShift(100));
        // 60 and 64 start at 0; 64 is struck again at 4 s; nothing is released until 12 s.
        int[] tokens = [On(60), On(64), .. Enumerable.Repeat(second, 4), On(64), .. Enumerable.Repeat(second, 8), Off(60), Off(64)];

        var exact = Default.Decode(tokens).Notes.Select(n => (n.Pitch, n.StartSeconds, n.EndSeconds)).ToList();
        Assert.Equal([(60, 0.0, 12.0), (64, 0.0, 4.0), (64, 4.0, 12.0)], exact);
        var cut = Default.Decode(tokens, 5).Notes.Select(n => (n.Pitch, n.StartSeconds, Math.Round(n.EndSeconds, 9))).ToList();
        Assert.Equal([(60, 0.0, 5.0), (64, 0.0, 4.0), (64, 4.0, 9.0)], cut);

        // Streamed: the time shift that passes 5 s ends 60 at 5 s; the late NOTE_OFFs find nothing sounding.
        var decoder = new PerformanceStreamDecoder(Default, 5);
        var buffer = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        var offs = new List<(int Pitch, double Seconds, double At)>();
        foreach (var token in tokens)
            for (int i = 0, n = decoder.Feed(token, buffer); i < n; i++)
                if (!buffer[i].IsNoteOn) offs.Add((buffer[i].Pitch, Math.Round(buffer[i].Seconds, 9), decoder.Seconds));
        Assert.Equal([(64, 4.0, 4.0), (60, 5.0, 5.0), (64, 9.0, 9.0)], offs);
        Assert.Equal(0, decoder.SoundingCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceStreamDecoder(Default, 0));
    }

    [Fact]
    public void StreamingDecoderMatchesBatchDecodeWithoutAllocating()
    {
        var piece = TestPieces.RandomPolyphonic(3, 300);
        var tokens = Default.Encode(piece);
        var decoder = new PerformanceStreamDecoder(Default);
        var buffer = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        var ons = 0;
        var offs = 0;
        decoder.Feed(tokens[0], buffer); // warm up
        var rounds = ThreadAllocations.Measure(3, _ =>
        {
            decoder.Reset();
            ons = offs = 0;
            foreach (var token in tokens)
            {
                var n = decoder.Feed(token, buffer);
                for (var i = 0; i < n; i++) if (buffer[i].IsNoteOn) ons++; else offs++;
            }
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        var expected = Default.Decode(tokens).Notes.Count;
        Assert.Equal(expected, ons);
        Assert.Equal(expected, offs);
        Assert.Equal(0, decoder.SoundingCount);
        Assert.Equal(Default.Quantize(piece).Notes.Max(n => n.EndSeconds), decoder.Seconds, 9);
    }
}
