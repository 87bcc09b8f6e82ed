using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// A note the model forgets (never samples its NOTE_OFF) ends soon after the training corpus's long-note length, not
/// at the 5 s guard; notes the model ends itself are left alone; and a repeated phrase does not carry notes held from
/// before it.
/// </summary>
public class EventRnnLongNoteTests
{
    private static readonly PerformanceEncoding Encoding = new();

    private static int Token(PerformanceEvent e) => Encoding.EventToToken(e);

    /// <summary>Starts C4 once, then mostly moves time by 0.1 s: its NOTE_OFF is e^−10 times as likely as a shift.</summary>
    private sealed class ForgetfulModel : ITokenStepModel
    {
        private readonly float[] _logits = new float[Encoding.VocabularySize];
        private bool _started;

        public int VocabularySize => Encoding.VocabularySize;
        public int ConditioningSize => 0;
        public void ResetState() => _started = false;
        public void Dispose() { }

        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning)
        {
            _logits.AsSpan().Fill(-30f);
            if (!_started) _logits[Token(PerformanceEvent.NoteOn(60))] = 20f;
            else
            {
                _logits[Token(PerformanceEvent.TimeShift(10))] = 20f;
                _logits[Token(PerformanceEvent.NoteOff(60))] = 10f;
            }
            _started = true;
            return _logits;
        }
    }

    private static double FirstNoteLength(EventRnnGenerator g, ulong seed)
    {
        g.Reset(seed);
        Span<ModelNoteEvent> events = stackalloc ModelNoteEvent[g.MaxEventsPerStep];
        for (var i = 0; i < 200; i++)
        {
            var n = g.Step(events);
            for (var k = 0; k < n; k++)
                if (!events[k].IsNoteOn) return events[k].Time;
        }
        return double.NaN;
    }

    [Fact]
    public void A_forgotten_note_ends_soon_after_the_long_note_length_instead_of_at_the_guard()
    {
        using var plain = new EventRnnGenerator(new ForgetfulModel(), Encoding, 0);
        Assert.Equal(PerformanceStreamDecoder.GenerationMaxNoteSeconds, FirstNoteLength(plain, 1), 9);
        using var hazard = new EventRnnGenerator(new ForgetfulModel(), Encoding, 0, longNoteSeconds: 1.0);
        Assert.Equal(1.0, hazard.LongNoteSeconds, 9);
        for (ulong seed = 1; seed <= 20; seed++)
            Assert.InRange(FirstNoteLength(hazard, seed), 1.0, 1.8); // at 1.5 s the NOTE_OFF is as likely as the shift
    }

    [Fact]
    public void Notes_the_model_ends_itself_are_not_touched()
    {
        // Ten-millisecond notes, far below the long-note length: the same events with the hazard as without.
        static List<(bool, int, double)> Play(double? longNote)
        {
            using var g = new EventRnnGenerator(new ShortNotesModel(), Encoding, 0, longNoteSeconds: longNote);
            g.Reset(3);
            var heard = new List<(bool, int, double)>();
            var events = new ModelNoteEvent[g.MaxEventsPerStep];
            for (var i = 0; i < 90; i++)
            {
                var n = g.Step(events);
                for (var k = 0; k < n; k++) heard.Add((events[k].IsNoteOn, events[k].Pitch, events[k].Time));
            }
            return heard;
        }
        Assert.Equal(Play(null), Play(0.5));
        Assert.Equal(60, Play(0.5).Count);
    }

    /// <summary>Wants to end C4 the moment it starts (NOTE_OFF e^5 times as likely as a 10 ms shift), then to start it again.</summary>
    private sealed class ClickModel : ITokenStepModel
    {
        private readonly float[] _logits = new float[Encoding.VocabularySize];
        private bool _on;

        public int VocabularySize => Encoding.VocabularySize;
        public int ConditioningSize => 0;
        public void ResetState() => _on = false;
        public void Dispose() { }

        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning)
        {
            if (token == Token(PerformanceEvent.NoteOn(60))) _on = true;
            else if (token == Token(PerformanceEvent.NoteOff(60))) _on = false;
            _logits.AsSpan().Fill(-30f);
            _logits[Token(_on ? PerformanceEvent.NoteOff(60) : PerformanceEvent.NoteOn(60))] = 5f;
            _logits[Token(PerformanceEvent.TimeShift(1))] = 0f;
            return _logits;
        }
    }

    [Fact]
    public void A_note_is_not_ended_before_it_has_sounded_30_ms()
    {
        using var g = new EventRnnGenerator(new ClickModel(), Encoding, 0);
        g.Reset(2);
        var lengths = new List<double>();
        var start = double.NaN;
        var events = new ModelNoteEvent[g.MaxEventsPerStep];
        while (g.Time < 10)
        {
            var n = g.Step(events);
            for (var k = 0; k < n; k++)
            {
                if (events[k].IsNoteOn) start = events[k].Time;
                else lengths.Add(events[k].Time - start);
            }
        }
        // Left alone, 99 % of these notes would last 0 s; now each lasts the 30 ms and ends on the first step it may.
        Assert.True(lengths.Count > 100, $"{lengths.Count} notes");
        Assert.All(lengths, l => Assert.InRange(l, EventRnnGenerator.MinNoteSeconds - 1e-9, 0.05));
        Assert.True(lengths.Count(l => Math.Abs(l - 0.03) < 1e-9) > 0.9 * lengths.Count);
    }

    /// <summary>Notes of the C major scale that are seldom ended (NOTE_OFF e^−6 as likely as a note-on), shifts of 0.1–0.5 s.</summary>
    private sealed class StickyNotesModel : ITokenStepModel
    {
        private readonly float[] _logits = Logits();

        public int VocabularySize => Encoding.VocabularySize;
        public int ConditioningSize => 0;
        public void ResetState() { }
        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning) => _logits;
        public void Dispose() { }

        private static float[] Logits()
        {
            var logits = Enumerable.Repeat(-30f, Encoding.VocabularySize).ToArray();
            foreach (var p in new[] { 60, 62, 64, 65, 67, 69, 71, 72 })
            {
                logits[Token(PerformanceEvent.NoteOn(p))] = 0f;
                logits[Token(PerformanceEvent.NoteOff(p))] = -6f;
            }
            for (var s = 10; s <= 50; s += 10) logits[Token(PerformanceEvent.TimeShift(s))] = 1f;
            return logits;
        }
    }

    [Fact]
    public void A_repeated_phrase_starts_with_nothing_held_from_before_it()
    {
        var length = (long)Math.Round(EventRnnGenerator.PhraseSeconds / Encoding.Options.StepSeconds);
        var repeats = 0;
        for (ulong seed = 1; seed <= 6; seed++)
        {
            using var g = new EventRnnGenerator(new StickyNotesModel(), Encoding, 0);
            g.Reset(seed);
            var notes = new List<(int Pitch, long On, long Off)>();
            var open = new Dictionary<int, long>();
            var events = new ModelNoteEvent[g.MaxEventsPerStep];
            while (g.Time < 12 * EventRnnGenerator.PhraseSeconds)
            {
                var n = g.Step(events);
                for (var k = 0; k < n; k++)
                {
                    var step = (long)Math.Round(events[k].Time / Encoding.Options.StepSeconds);
                    if (events[k].IsNoteOn) open[events[k].Pitch] = step;
                    else if (open.Remove(events[k].Pitch, out var on)) notes.Add((events[k].Pitch, on, step));
                }
            }
            List<(int, long)> Onsets(long phrase) =>
                [.. notes.Where(x => x.On / length == phrase).OrderBy(x => x.On).ThenBy(x => x.Pitch).Select(x => (x.Pitch, x.On - phrase * length))];
            for (long phrase = 1; phrase < 11; phrase++)
            {
                var onsets = Onsets(phrase);
                if (onsets.Count == 0 || !onsets.SequenceEqual(Onsets(phrase - 1))) continue;
                repeats++;
                // Every note begun before the repeat ends at its first step.
                Assert.All(notes.Where(x => x.On < phrase * length && x.Off > phrase * length), x => Assert.Fail($"seed {seed}: pitch {x.Pitch} held from step {x.On} into the repeat at {phrase * length} (to {x.Off})"));
            }
        }
        Assert.True(repeats >= 3, $"{repeats} repeats");
    }
}
