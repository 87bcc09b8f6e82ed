using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The event RNN's generator plays a phrase again now and then, exactly: same pitches at the same offsets, one phrase
/// (8 s) later, as songs repeat their 4-bar phrases; the rest of the time it samples new music.
/// </summary>
public class EventRnnPhraseRepeatTests
{
    private static readonly PerformanceEncoding Encoding = new();

    /// <summary>A model with no memory: notes 60…72 and shifts of 0.1…0.5 s, drawn by the sampler's randomness.</summary>
    private sealed class RandomNotesModel : ITokenStepModel
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
            for (var p = 60; p <= 72; p++)
            {
                logits[Encoding.EventToToken(PerformanceEvent.NoteOn(p))] = 0f;
                logits[Encoding.EventToToken(PerformanceEvent.NoteOff(p))] = 1f;
            }
            for (var s = 10; s <= 50; s += 10) logits[Encoding.EventToToken(PerformanceEvent.TimeShift(s))] = 1f;
            return logits;
        }
    }

    private static List<(int Pitch, long Step)> Onsets(ulong seed, double seconds)
    {
        using var g = new EventRnnGenerator(new RandomNotesModel(), Encoding, 0);
        g.Reset(seed);
        var onsets = new List<(int, long)>();
        var events = new ModelNoteEvent[g.MaxEventsPerStep];
        while (g.Time < seconds)
        {
            var n = g.Step(events);
            for (var i = 0; i < n; i++)
                if (events[i].IsNoteOn) onsets.Add((events[i].Pitch, (long)Math.Round(events[i].Time / Encoding.Options.StepSeconds)));
        }
        return onsets;
    }

    // Each phrase's onsets, as (pitch, step within the phrase).
    private static List<List<(int, long)>> Phrases(List<(int Pitch, long Step)> onsets, int count)
    {
        var length = (long)Math.Round(EventRnnGenerator.PhraseSeconds / Encoding.Options.StepSeconds);
        return [.. Enumerable.Range(0, count).Select(k => onsets.Where(o => o.Step / length == k).Select(o => (o.Pitch, o.Step - k * length)).ToList())];
    }

    [Fact]
    public void Some_phrases_repeat_the_one_before_exactly_and_most_do_not()
    {
        int repeats = 0, fresh = 0;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var phrases = Phrases(Onsets(seed, 20 * EventRnnGenerator.PhraseSeconds), 20);
            for (var k = 1; k < phrases.Count; k++)
            {
                Assert.NotEmpty(phrases[k]);
                if (phrases[k].SequenceEqual(phrases[k - 1])) repeats++;
                else fresh++;
            }
        }
        // 95 boundaries at RepeatChance (0.35): about 33 repeats; a generator that never or always repeats fails.
        Assert.InRange(repeats, 18, 50);
        Assert.True(fresh > repeats, $"{repeats} repeats, {fresh} new phrases");
    }

    [Fact]
    public void The_same_seed_makes_the_same_phrases()
    {
        Assert.Equal(Onsets(3, 40), Onsets(3, 40));
        Assert.NotEqual(Onsets(3, 40), Onsets(4, 40));
    }
}
