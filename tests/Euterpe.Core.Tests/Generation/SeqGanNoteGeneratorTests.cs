using Euterpe.Core.Families;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Onnx;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// SeqGAN's generator. With the shipped preset (joint tokens): every token a note or rest of its duration on the
/// sixteenth grid, back to back; at temperature 0 every 32-token segment is the same (each starts from the start symbol
/// and a zero state); the same seed the same notes; steps allocate nothing. With the "ngram" scheme (a stand-in pitch
/// model and a counted duration n-gram): the pitches are the model's, the durations the n-gram's.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class SeqGanNoteGeneratorTests
{
    private static SeqGanNoteGenerator Shipped()
    {
        var (preset, family) = ModelFamilies.Open(RepositoryRoot.Combine("presets", "seqgan-openmsx"));
        Assert.Same(SeqGanFamily.Instance, family);
        return (SeqGanNoteGenerator)family.OpenNotes(preset);
    }

    private static List<ModelNoteEvent> Run(SeqGanNoteGenerator generator, ulong seed, int steps)
    {
        generator.Reset(seed);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var all = new List<ModelNoteEvent>();
        for (var i = 0; i < steps; i++)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) all.Add(events[k]);
        }
        return all;
    }

    [Fact]
    public void Every_token_is_a_note_or_rest_of_its_duration_on_the_grid_back_to_back()
    {
        using var generator = Shipped();
        var encoding = SeqGanTokens.Encoding;
        var events = Run(generator, 3, 3 * SeqGanNoteGenerator.SegmentLength);
        Assert.True(events.Count >= 40, $"{events.Count} events");
        double last = 0;
        for (var i = 0; i < events.Count; i += 2)
        {
            var (on, off) = (events[i], events[i + 1]);
            Assert.True(on.IsNoteOn && !off.IsNoteOn && on.Pitch == off.Pitch, $"event {i}");
            Assert.InRange(on.Pitch, encoding.MinPitch, encoding.MaxPitch);
            Assert.Contains((int)Math.Round((off.Time - on.Time) * encoding.StepsPerBeat), encoding.DurationSteps);
            Assert.True(on.Time >= last - 1e-9, "notes overlap");
            Assert.Equal(0, on.Time * 4 % 1, 9);
            last = off.Time;
        }
        Assert.True(generator.Time >= last - 1e-9);
    }

    [Fact]
    public void At_temperature_zero_every_segment_starts_afresh_and_is_the_same()
    {
        using var generator = Shipped();
        generator.SetSampling(new SamplingOptions(0));
        var one = Run(generator, 1, SeqGanNoteGenerator.SegmentLength);
        var segmentBeats = generator.Time;
        var three = Run(generator, 2, 3 * SeqGanNoteGenerator.SegmentLength);
        Assert.Equal(3 * segmentBeats, generator.Time, 9);
        Assert.Equal(3 * one.Count, three.Count);
        for (var k = 0; k < three.Count; k++)
        {
            var expected = one[k % one.Count];
            Assert.Equal(expected with { Time = expected.Time + k / one.Count * segmentBeats }, three[k]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_notes_another_seed_other_notes_and_steps_allocate_nothing()
    {
        using var generator = Shipped();
        var first = Run(generator, 5, 500);
        Assert.Equal(first, Run(generator, 5, 500));
        Assert.NotEqual(first, Run(generator, 6, 500));

        generator.Reset(7);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 300; i++) generator.Step(events);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void Under_the_ngram_scheme_the_pitches_are_the_models_and_the_durations_the_ngrams()
    {
        var encoding = SeqGanTokens.Encoding;
        var v = SeqGanTokens.Count(SeqGanTokens.NGram);
        // The stand-in writes pitch token t + 1 after token t (MIDI 60 after the start symbol), as certain logits.
        var logits = new float[(v + 1) * (v + 1)];
        for (var t = 0; t <= v; t++)
        {
            for (var u = 0; u <= v; u++) logits[t * (v + 1) + u] = -50;
            logits[t * (v + 1) + (t == v ? 60 - encoding.MinPitch : (t + 1) % (v - 1))] = 50;
            logits[t * (v + 1) + v] = -1e4f;
        }
        var b = new OnnxGraphBuilder("stand_in");
        var token = b.Input("token", TensorElementType.Int64, [1, 1]);
        var h0 = b.Input("h0", TensorElementType.Float, [1, 1, 1]);
        b.Output(b.Node("Identity", [h0])[0], "hn", TensorElementType.Float, [1, 1, 1]);
        b.Output(b.Reshape(b.Gather(b.Initializer("table", logits, [v + 1, v + 1]), token), 1, v + 1), "logits", TensorElementType.Float, [1, v + 1]);
        var session = InferenceSession.FromBytes(b.ToModel().ToByteArray());
        var model = new OnnxTokenStepModel(session, new TokenModelSignature("token", "logits", [("h0", "hn")]), ownsSession: true);
        // Durations: dotted eighth (6 sixteenths, token 4) always follows two quarters (token 3).
        var durations = new NGramNoteModel(3, encoding.PitchVocabularySize, encoding.DurationCount);
        for (var song = 0; song < 20; song++) durations.Add([.. Enumerable.Repeat(0, 30)], [.. Enumerable.Range(0, 30).Select(i => i % 3 == 2 ? 4 : 3)]);
        using var generator = new SeqGanNoteGenerator(model, durations);
        generator.SetSampling(new SamplingOptions(0));
        var events = Run(generator, 1, 12);
        Assert.Equal(24, events.Count);
        Assert.Equal([.. Enumerable.Range(60, 12)], events.Where(e => e.IsNoteOn).Select(e => e.Pitch));
        var lengths = Enumerable.Range(0, 12).Select(i => (int)Math.Round((events[2 * i + 1].Time - events[2 * i].Time) * encoding.StepsPerBeat)).ToList();
        // From no history the likeliest is a quarter; after two quarters a dotted eighth, then quarters again.
        Assert.Equal([4, 4, 6, 4, 4, 6, 4, 4, 6, 4, 4, 6], lengths);
    }
}
