using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The event RNN's generator never samples the NOTE_OFF of a pitch that is not sounding: such a token ends nothing,
/// and a weak model that puts its mass there would stall the clock instead of playing.
/// </summary>
public class EventRnnNoteOffMaskTests
{
    private static readonly PerformanceEncoding Encoding = new();

    /// <summary>A model whose logits favour one token overwhelmingly and a second one slightly over the rest.</summary>
    private sealed class FixedModel(int favourite, int second) : ITokenStepModel
    {
        private readonly float[] _logits = Logits(favourite, second);

        public int VocabularySize => Encoding.VocabularySize;
        public int ConditioningSize => 0;
        public void ResetState() { }
        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning) => _logits;
        public void Dispose() { }

        private static float[] Logits(int favourite, int second)
        {
            var logits = Enumerable.Repeat(-30f, Encoding.VocabularySize).ToArray();
            logits[favourite] = 20f;
            logits[second] = 0f;
            return logits;
        }
    }

    private static int Token(PerformanceEvent e) => Encoding.EventToToken(e);

    [Fact]
    public void The_note_off_of_a_silent_pitch_is_never_sampled_so_time_moves()
    {
        // Without the mask nearly every token is NOTE_OFF_60, which ends nothing: 100 steps would be about 0 s.
        using var g = new EventRnnGenerator(new FixedModel(Token(PerformanceEvent.NoteOff(60)), Token(PerformanceEvent.TimeShift(1))), Encoding, 0);
        g.Reset(5);
        Span<ModelNoteEvent> events = stackalloc ModelNoteEvent[g.MaxEventsPerStep];
        for (var i = 0; i < 100; i++) Assert.Equal(0, g.Step(events));
        Assert.Equal(1.0, g.Time, 9);
    }

    [Fact]
    public void The_note_off_of_a_sounding_pitch_stays_allowed()
    {
        using var g = new EventRnnGenerator(new ShortNotesModel(), Encoding, 0);
        g.Reset(5);
        var heard = new List<(bool On, double Seconds)>();
        Span<ModelNoteEvent> events = stackalloc ModelNoteEvent[g.MaxEventsPerStep];
        for (var i = 0; i < 30; i++)
        {
            var n = g.Step(events);
            for (var k = 0; k < n; k++) heard.Add((events[k].IsNoteOn, events[k].Time));
        }
        // Ten notes, each ended by the model's own NOTE_OFF (not the 5 s guard), on, off, on, off …
        Assert.Equal(20, heard.Count);
        for (var k = 0; k < heard.Count; k++) Assert.Equal(k % 2 == 0, heard[k].On);
    }
}
