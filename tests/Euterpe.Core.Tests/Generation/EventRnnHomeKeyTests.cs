using Euterpe.Core.Encoding;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The conditional event RNN's seeds start from the corpus's keys, not its mean: each seed draws a training piece and its
/// default controls carry that piece's pitch classes, in its key; the player's scale and a primer's key still win.
/// And whatever the model samples, note-ons outside the key the output is in are held back.
/// </summary>
public class EventRnnHomeKeyTests
{
    private static readonly PerformanceEncoding Encoding = new();

    /// <summary>Every note-on of 60…71 and its NOTE_OFF alike, shifts of 0.1 s: no key of its own.</summary>
    private sealed class ChromaticModel(int conditioningSize) : ITokenStepModel
    {
        private readonly float[] _logits = Logits();

        public int VocabularySize => Encoding.VocabularySize;
        public int ConditioningSize => conditioningSize;
        public void ResetState() { }
        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning) => _logits;
        public void Dispose() { }

        private static float[] Logits()
        {
            var logits = Enumerable.Repeat(-30f, Encoding.VocabularySize).ToArray();
            for (var p = 60; p <= 71; p++)
            {
                logits[Encoding.EventToToken(PerformanceEvent.NoteOn(p))] = 0f;
                logits[Encoding.EventToToken(PerformanceEvent.NoteOff(p))] = 0f;
            }
            logits[Encoding.EventToToken(PerformanceEvent.TimeShift(10))] = 2f;
            return logits;
        }
    }

    private static readonly double[] ProfileInC = [0.2, 0.01, 0.15, 0.01, 0.12, 0.1, 0.01, 0.18, 0.01, 0.12, 0.01, 0.08];
    private static readonly float[] Mean = [.. Enumerable.Repeat(1f / 12, 12), 0.5f, 0.5f];

    private static EventRnnGenerator Conditional(CorpusKeys? keys) =>
        new(new ChromaticModel(ConditioningFeatures.Length), Encoding, 1, Mean, keys: keys);

    [Fact]
    public void Each_seed_draws_a_training_piece_and_starts_in_its_key()
    {
        double[] inF = [8, 0, 4, 0, 5, 12, 0, 6, 0, 7, 5, 0];
        double[] inBFlat = [4, 0, 6, 5, 0, 8, 0, 5, 0, 4, 12, 0];
        using var g = Conditional(CorpusKeys.Create(ProfileInC, [inF, inF, inF, inBFlat]));
        var drawn = new int[12];
        Span<float> expected = stackalloc float[12];
        for (ulong seed = 1; seed <= 200; seed++)
        {
            g.Reset(seed);
            drawn[g.HomeKey]++;
            // Half the piece's own histogram, half the corpus profile in its key.
            var piece = g.HomeKey == 5 ? inF : inBFlat;
            CorpusKeys.Create(ProfileInC, [piece])!.DrawHome(0, expected);
            for (var pc = 0; pc < 12; pc++) Assert.Equal(expected[pc], g.HomeControls[pc], 6);
            Assert.Equal(Mean[12], g.HomeControls[12]);
            Assert.Equal(Mean[13], g.HomeControls[13]);
        }
        Assert.Equal(200, drawn[5] + drawn[10]);
        Assert.InRange(drawn[5], 148, 152);

        // The plug-in's Chromatic scale plays the seed's home controls; a scale replaces the histogram.
        g.Reset(7);
        Assert.True(g.Steer(new MusicalSteering(0, 0, 1)));
        Assert.Equal(g.HomeControls.ToArray(), g.Conditioning.ToArray());
        Assert.True(g.Steer(new MusicalSteering(2, MusicalScale.Major, 1)));
        Assert.Equal(1f / 7, g.Conditioning[2 + 4], 6);   // F# in D major
        Assert.Equal(0f, g.Conditioning[5]);               // F natural is not
        // A primer's key: the corpus profile there.
        g.SetHomeKey(9);
        Assert.Equal(9, g.HomeKey);
        Assert.Equal(ProfileInC[0], g.HomeControls[9], 6);
    }

    [Fact]
    public void Without_corpus_keys_a_seed_starts_from_the_corpus_mean()
    {
        using var g = Conditional(null);
        g.Reset(3);
        g.SetHomeKey(4);
        Assert.Equal(-1, g.HomeKey);
        Assert.Equal(Mean, g.HomeControls.ToArray());
    }

    [Fact]
    public void A_model_without_a_key_is_held_to_the_one_its_output_falls_into()
    {
        // Twelve pitch classes alike: one 30 s take fits its best major scale by about 0.6 on its own.
        var fits = new List<double>();
        for (ulong seed = 1; seed <= 5; seed++)
        {
            using var g = new EventRnnGenerator(new ChromaticModel(0), Encoding, 0);
            g.Reset(seed);
            var notes = new NoteSequence();
            var events = new ModelNoteEvent[g.MaxEventsPerStep];
            while (g.Time < 30)
            {
                var n = g.Step(events);
                for (var k = 0; k < n; k++)
                    if (events[k].IsNoteOn) notes.AddNoteSeconds(events[k].Pitch, 80, events[k].Time, events[k].Time + 0.1);
            }
            fits.Add(ScaleFit.Compute(notes));
        }
        // e^−OutOfKeyPenalty on the five other pitch classes: 7 / (7 + 5 e^−0.75) ≈ 0.75 in key.
        Assert.True(fits.Average() > 0.7, string.Join(", ", fits));
    }
}
