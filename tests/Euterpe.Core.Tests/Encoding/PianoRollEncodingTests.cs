using Euterpe.Core.Encoding;
using Euterpe.Core.Music;
using FsCheck;
using FsCheck.Fluent;

namespace Euterpe.Core.Tests.Encoding;

public class PianoRollEncodingTests
{
    private static readonly PianoRollEncoding Default = new();

    [Fact]
    public void ScaleFillsOneCellRunPerNoteInTheDocumentedLayout()
    {
        var roll = Default.Encode(TestPieces.CMajorScale(velocity: 127));
        Assert.Equal(8 * 24, roll.Steps);
        Assert.Equal(8 * 24 * 128, roll.Values.Length);
        // Second note (D4 = 62) covers steps 24..47: cell (step, pitch) sits at step*128 + pitch.
        Assert.Equal(1f, roll.Values[24 * 128 + 62]);
        Assert.Equal(1f, roll.Values[47 * 128 + 62]);
        Assert.Equal(0f, roll.Values[48 * 128 + 62]);
        Assert.Equal(0f, roll.Values[23 * 128 + 62]);
        Assert.Equal(8 * 24, roll.Values.Count(v => v > 0));
        Assert.Equal(8, roll.Onsets!.Count(v => v > 0));
        Assert.Equal(1f, roll.Onsets![roll.Index(24, 62)]);
    }

    [Fact]
    public void TracksAreTheFastestAxis()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 127, 0, 480, track: 0);
        seq.AddNote(60, 127, 0, 240, track: 2);
        var roll = new PianoRollEncoding(new PianoRollOptions { TrackCount = 3, Binary = true }).Encode(seq);
        Assert.Equal(24 * 128 * 3, roll.Values.Length);
        Assert.Equal(1f, roll.Values[(10 * 128 + 60) * 3 + 0]);
        Assert.Equal(1f, roll.Values[(10 * 128 + 60) * 3 + 2]);
        Assert.Equal(0f, roll.Values[(10 * 128 + 60) * 3 + 1]);
        Assert.Equal(0f, roll.Values[(12 * 128 + 60) * 3 + 2]);
        Assert.Equal(1, roll.SoundingPitchCount(10));
    }

    [Fact]
    public void RepeatedNoteSurvivesOnlyWithOnsets()
    {
        var seq = new NoteSequence();
        seq.AddNote(64, 100, 0, 480);
        seq.AddNote(64, 100, 480, 960);
        var withOnsets = Default.Decode(Default.Encode(seq));
        Assert.Equal([(0L, 480L), (480L, 960L)], withOnsets.Notes.Select(n => (n.StartTick, n.EndTick)));

        var plain = new PianoRollEncoding(new PianoRollOptions { WithOnsets = false });
        var merged = plain.Decode(plain.Encode(seq));
        Assert.Equal([(0L, 960L)], merged.Notes.Select(n => (n.StartTick, n.EndTick)));
    }

    [Fact]
    public void RandomPiecesWithoutSamePitchOverlapRoundTripOnTheGrid()
    {
        var options = new PianoRollOptions { TrackCount = 3 };
        var encoding = new PianoRollEncoding(options);
        for (var seed = 0; seed < 10; seed++)
        {
            var piece = WithoutSamePitchOverlap(TestPieces.RandomPolyphonic(seed, 150));
            var decoded = encoding.Decode(encoding.Encode(piece));
            // 480 ticks per quarter / 24 steps = 20 ticks per step.
            var expected = piece.Notes.Select(n =>
            {
                var start = (long)Math.Round(n.StartTick / 20.0);
                var end = Math.Max(start + 1, (long)Math.Round(n.EndTick / 20.0));
                return (n.Pitch, n.Track, start * 20, end * 20, n.Velocity);
            }).Order().ToArray();
            Assert.Equal(expected, decoded.Notes.Select(n => (n.Pitch, n.Track, n.StartTick, n.EndTick, n.Velocity)).Order().ToArray());
        }
    }

    [Fact]
    public void PropertyEncodeDecodeEncodeIsStable()
    {
        var encoding = new PianoRollEncoding(new PianoRollOptions { StepsPerBeat = 4, Binary = true }); // velocities of overlapping notes mix within a run, so compare the binary rolls
        var gen = from seed in Gen.Choose(0, int.MaxValue) from count in Gen.Choose(0, 40) select (seed, count);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var piece = TestPieces.RandomPolyphonic(p.seed, p.count);
            var roll = encoding.Encode(piece);
            var again = encoding.Encode(encoding.Decode(roll));
            return roll.Values.AsSpan().SequenceEqual(again.Values) && roll.Onsets.AsSpan().SequenceEqual(again.Onsets);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WindowsAre384By128AndCoverThePiece()
    {
        var piece = TestPieces.RandomPolyphonic(11, 120);
        var windows = Default.Windows(piece);
        var steps = Default.StepCount(piece);
        Assert.Equal((int)((steps + 383) / 384), windows.Count);
        Assert.All(windows, w => Assert.Equal(384 * 128, w.Values.Length));
        Assert.Equal(Enumerable.Range(0, windows.Count).Select(i => i * 384L), windows.Select(w => w.StartStep));
        // Cells agree with the whole-piece roll.
        var whole = Default.Encode(piece);
        for (var w = 0; w < windows.Count; w++)
            for (var s = 0; s < 384 && w * 384 + s < whole.Steps; s++)
                Assert.True(whole.Values.AsSpan(whole.Index(w * 384 + s, 0), 128).SequenceEqual(windows[w].Values.AsSpan(windows[w].Index(s, 0), 128)));
        var tensor = Default.WindowTensor(piece, out var count);
        Assert.Equal(windows.Count, count);
        Assert.Equal(windows[^1].Values, tensor.AsSpan((count - 1) * 384 * 128).ToArray());
        // Decoded windows put notes back at their absolute ticks.
        var firstOnsets = Default.Decode(windows[1]).Notes.Where(n => n.StartTick > 16 * 480).Select(n => (n.Pitch, n.StartTick));
        var wholeOnsets = Default.Decode(whole).Notes.Select(n => (n.Pitch, n.StartTick)).ToHashSet();
        Assert.All(firstOnsets, o => Assert.Contains(o, wholeOnsets));
    }

    [Fact]
    public void ThresholdSelectsModelOutputs()
    {
        var encoding = new PianoRollEncoding(new PianoRollOptions { Threshold = 0.5f, Binary = true, WithOnsets = false, StepsPerBeat = 4 });
        var roll = new PianoRoll(8, 1, 4);
        float[] probabilities = [0.9f, 0.8f, 0.4f, 0.7f, 0.6f, 0.2f, 0.1f, 0.95f];
        for (var s = 0; s < 8; s++) roll[s, 60] = probabilities[s];
        var notes = encoding.Decode(roll).Notes;
        Assert.Equal([(0L, 240L), (360L, 600L), (840L, 960L)], notes.Select(n => (n.StartTick, n.EndTick)));
        Assert.All(notes, n => Assert.Equal(100, n.Velocity));
    }

    [Fact]
    public void AbsurdLengthIsRefused()
    {
        var seq = new NoteSequence();
        seq.AddNote(60, 100, 0, 480L * 100_000_000);
        Assert.StartsWith("sequence:", Assert.Throws<EuterpeException>(() => Default.Encode(seq)).Message);
        Assert.Throws<EuterpeException>(() => Default.Windows(seq));
        // Within the limit, a long silence-padded piece is fine.
        var ok = new NoteSequence();
        ok.AddNote(60, 100, 0, 480L * 2_000);
        Assert.Equal(48_000, Default.Encode(ok).Steps);
    }

    private static NoteSequence WithoutSamePitchOverlap(NoteSequence piece)
    {
        var result = new NoteSequence(piece.TicksPerQuarter);
        var lastEnd = new Dictionary<(int, int), long>();
        foreach (var n in piece.Notes)
        {
            // Leave a step of air so rounding cannot make neighbours touch or overlap.
            if (lastEnd.TryGetValue((n.Pitch, n.Track), out var end) && n.StartTick < end + 40) continue;
            lastEnd[(n.Pitch, n.Track)] = n.EndTick;
            result.Notes.Add(n);
        }
        return result;
    }
}
