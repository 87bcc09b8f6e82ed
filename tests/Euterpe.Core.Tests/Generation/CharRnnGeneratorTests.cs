using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.CharRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Tests.Abc;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The Char-RNN generator over stand-in models whose logits are noise or favour one character: whatever the model
/// prefers, the text it is held to is ABC that abc2midi plays as the notes the generator gave, the clock moves, and
/// steps allocate nothing.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class CharRnnGeneratorTests
{
    /// <summary>Logits drawn afresh at every step (seeded), plus a bias towards some characters; tune edges may be ruled out.</summary>
    private sealed class NoiseModel(ulong seed, string favoured = "", float bias = 0, bool endsTunes = true) : ITokenStepModel
    {
        private readonly float[] _logits = new float[AbcCharacterEncoding.VocabularySize];
        private readonly RandomSource _random = new(seed);

        public int VocabularySize => _logits.Length;

        public int ConditioningSize => 0;

        public void ResetState() => _random.Reseed(seed);

        public ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning)
        {
            for (var i = 0; i < _logits.Length; i++) _logits[i] = (float)(_random.NextDouble() * 3);
            foreach (var c in favoured) _logits[AbcCharacterEncoding.TokenOf(c)] += bias;
            if (!endsTunes) _logits[AbcCharacterEncoding.TuneEdge] = -100;
            return _logits;
        }

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData(1UL, "")]
    [InlineData(2UL, "CDEFGcdefg ")] // melodic: mostly notes
    [InlineData(3UL, "-^_")] // ties and accidentals everywhere
    public void The_text_is_abc_that_abc2midi_plays_as_the_generated_notes(ulong seed, string favoured)
    {
        using var generator = new CharRnnGenerator(new NoiseModel(seed, favoured, 3), 0);
        var text = new StringBuilder();
        generator.RecordText(text);
        generator.Reset(seed);
        var pairing = new NotePairing();
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        while (generator.Time < 64)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        pairing.Close(generator.Time);
        var ours = pairing.Notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();

        using var folder = new TempFolder("euterpe-char-rnn-");
        var tune = folder.File("generated.abc");
        File.WriteAllText(tune, AbcCharacterEncoding.Tune(text.ToString().TrimEnd() + "|]\n"));
        var reference = Abc2MidiReference.Render(tune, 1).OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();

        Assert.True(ours.Count >= 8, $"{ours.Count} notes from:\n{text}");
        // Every bar line closes a full bar of 4/4, as the dialect's writer writes them.
        var decoder = new AbcCharacterDecoder();
        decoder.Reset();
        var bars = new List<double>();
        foreach (var c in text.ToString())
        {
            decoder.Feed(AbcCharacterEncoding.TokenOf(c), events);
            if (c == '|') bars.Add(decoder.Time);
        }
        Assert.True(bars.Count >= 4, $"{bars.Count} bar lines in:\n{text}");
        Assert.All(bars.Select((t, i) => t - (i == 0 ? 0 : bars[i - 1])), length => Assert.Equal(4.0, length, 9));
        Assert.True(ours.Count == reference.Count, $"{ours.Count} notes, abc2midi {reference.Count}, from:\n{text}\nOURS {string.Join(" ", ours.Select(n => $"{n.Start}:{n.Pitch}:{n.End - n.Start}"))}\nREF {string.Join(" ", reference.Select(n => $"{Math.Round(n.Start, 3)}:{n.Pitch}:{Math.Round(n.Duration, 3)}"))}");
        for (var i = 0; i < ours.Count; i++)
        {
            var context = $"note {i} of:\n{text}";
            Assert.True(ours[i].Pitch == reference[i].Pitch, $"pitch {ours[i].Pitch} vs abc2midi {reference[i].Pitch}, {context}");
            Assert.True(Math.Abs(ours[i].Start - reference[i].Start) <= 0.01, $"start {ours[i].Start} vs abc2midi {reference[i].Start}, {context}");
            Assert.True(Math.Abs(ours[i].End - ours[i].Start - reference[i].Duration) <= 0.05, $"length {ours[i].End - ours[i].Start} vs abc2midi {reference[i].Duration}, {context}");
        }
    }

    [Fact]
    public void A_model_that_writes_only_bar_lines_still_moves_the_clock()
    {
        using var generator = new CharRnnGenerator(new NoiseModel(4, " |\n", 40), 0);
        generator.Reset(4);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        for (var i = 0; i < 10 * CharRnnGenerator.MaxIdleCharacters; i++) generator.Step(events);
        Assert.InRange(generator.Time, 2 * 0.25, 20 * 0.25); // a sixteenth rest every MaxIdleCharacters characters or so
    }

    [Fact]
    public void About_a_third_of_the_phrases_repeat_the_one_before()
    {
        using var generator = new CharRnnGenerator(new NoiseModel(8, "CDEFGAB 4", 2, endsTunes: false), 0); // a tune edge starts the phrases over
        var text = new StringBuilder();
        generator.RecordText(text);
        generator.Reset(8);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        while (generator.Time < 4 * 4 * 200) generator.Step(events); // 200 phrases of four bars
        var bars = text.ToString().Split('|');
        var phrases = Enumerable.Range(0, bars.Length / CharRnnGenerator.PhraseBars - 1)
            .Select(p => string.Join('|', bars.Skip(p * CharRnnGenerator.PhraseBars).Take(CharRnnGenerator.PhraseBars)).Trim()).ToList();
        var repeats = phrases.Skip(1).Where((p, i) => p == phrases[i]).Count();
        // 0.35 of the boundaries, give or take: 199 draws have a standard deviation of 6.7 repeats.
        Assert.InRange(repeats, 0.35 * 199 - 25, 0.35 * 199 + 25);
    }

    [Fact]
    public void The_same_seed_gives_the_same_notes_and_steps_allocate_nothing()
    {
        using var generator = new CharRnnGenerator(new NoiseModel(5, "CDEFGAB", 2), 0);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        List<ModelNoteEvent> Run()
        {
            generator.Reset(5);
            var all = new List<ModelNoteEvent>();
            for (var i = 0; i < 2_000; i++)
            {
                var n = generator.Step(events);
                for (var k = 0; k < n; k++) all.Add(events[k]);
            }
            return all;
        }
        Assert.Equal(Run(), Run());

        generator.Reset(6);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 2_000; i++) generator.Step(events);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }
}
