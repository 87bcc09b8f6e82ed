using System.Globalization;
using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.AbcWgan;
using Euterpe.Core.Generation;
using Euterpe.Core.Onnx;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;
using Euterpe.Core.Tests.Abc;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The ABC WGAN's generator over stand-in ONNX steps (a random recurrent map whose softmax favours some characters):
/// whatever the model prefers, the joined segments are ABC that abc2midi converts without an error or a warning (full
/// bars) into the notes the generator played; the noise in the state matters; the same seed gives the same notes; steps
/// allocate nothing.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class AbcWganNoteGeneratorTests
{
    private static readonly int V = AbcCharacterEncoding.VocabularySize;

    // hn = tanh(h0/2 + distribution·R), next = softmax(3·hn + bias): the state (and so the noise) steers every step.
    private static AbcWganNoteGenerator Generator(ulong seed, string favoured, float bias)
    {
        var random = new RandomSource(seed);
        var r = new float[V * V];
        random.FillGaussian(r, 2);
        var favour = new float[V];
        foreach (var c in favoured) favour[AbcCharacterEncoding.TokenOf(c)] = bias;
        var b = new OnnxGraphBuilder("stand_in");
        var x = b.Input("distribution", TensorElementType.Float, [1, 1, V]);
        var h0 = b.Input("h0", TensorElementType.Float, [1, 1, V]);
        var hn = b.Node("Tanh", [b.Add(b.Mul(h0, b.Initializer("half", [0.5f], [1])), b.MatMul(x, b.Initializer("R", r, [V, V])))])[0];
        b.Output(hn, "hn", TensorElementType.Float, [1, 1, V]);
        var logits = b.Add(b.Mul(b.Reshape(hn, 1, V), b.Initializer("three", [3f], [1])), b.Initializer("bias", favour, [V]));
        b.Output(b.Node("Softmax", [logits], 1, OnnxAttribute.Of("axis", -1L))[0], "next", TensorElementType.Float, [1, V]);
        var session = InferenceSession.FromBytes(b.ToModel().ToByteArray());
        var model = new OnnxFrameStepModel(session, new FrameModelSignature("distribution", "next", [("h0", "hn")], 1), ownsSession: true);
        return new AbcWganNoteGenerator(model);
    }

    [Theory]
    [InlineData(1UL, "", 0f)]
    [InlineData(2UL, "CDEFGcdefg ", 2f)] // melodic
    [InlineData(3UL, "\n |/", 3f)] // line breaks, bar lines, spaces and slashes everywhere: no blank line, no partial bar, no fraction
    [InlineData(4UL, "^_=-", 3f)] // accidentals and ties
    public void The_joined_segments_are_abc_that_abc2midi_converts_without_error_into_the_generated_notes(ulong seed, string favoured, float bias)
    {
        using var generator = Generator(seed, favoured, bias);
        var text = new StringBuilder();
        generator.RecordText(text);
        generator.Reset(seed);
        var pairing = new NotePairing();
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        for (var step = 0; step < 4 * AbcWganNoteGenerator.SegmentLength + 1; step++) // four segments joined, a fifth begun
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        pairing.Close(generator.Time);
        var ours = pairing.Notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();

        using var folder = new TempFolder("euterpe-abc-wgan-");
        var tune = folder.File("generated.abc");
        File.WriteAllText(tune, AbcCharacterEncoding.Tune(AbcTextPresets.Closed(text.ToString())));
        var conversion = ProcessRunner.Run("abc2midi", [tune, "1", "-o", folder.File("check.mid")]).EnsureSuccess();
        var said = conversion.Stdout + conversion.Stderr;
        Assert.True(!said.Contains("rror", StringComparison.Ordinal) && !said.Contains("arning", StringComparison.Ordinal), $"{said} from:\n{text}");
        // The last note is not played yet (its length is open until the next character); abc2midi plays it to the end bar line.
        var reference = Abc2MidiReference.Render(tune, 1).Where(n => n.Start < generator.Time - 1e-9).OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();

        Assert.True(ours.Count >= 8, $"{ours.Count} notes from:\n{text}");
        Assert.Equal(ours.Count, reference.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var context = string.Create(CultureInfo.InvariantCulture, $"note {i} of:\n{text}");
            Assert.True(ours[i].Pitch == reference[i].Pitch, $"pitch {ours[i].Pitch} vs abc2midi {reference[i].Pitch}, {context}");
            Assert.True(Math.Abs(ours[i].Start - reference[i].Start) <= 0.01, $"start {ours[i].Start} vs abc2midi {reference[i].Start}, {context}");
            Assert.True(Math.Abs(ours[i].End - ours[i].Start - reference[i].Duration) <= 0.05, $"length {ours[i].End - ours[i].Start} vs abc2midi {reference[i].Duration}, {context}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_notes_another_seed_other_notes_and_steps_allocate_nothing()
    {
        using var generator = Generator(5, "CDEFGAB", 2);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        List<ModelNoteEvent> Run(ulong seed)
        {
            generator.Reset(seed);
            var all = new List<ModelNoteEvent>();
            for (var i = 0; i < 1_000; i++)
            {
                var n = generator.Step(events);
                for (var k = 0; k < n; k++) all.Add(events[k]);
            }
            return all;
        }
        var first = Run(5);
        Assert.Equal(first, Run(5));
        Assert.NotEqual(first, Run(6));

        generator.Reset(7);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 1_000; i++) generator.Step(events);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void The_noise_in_the_state_decides_the_segment()
    {
        // Temperature 0 takes the likeliest character: only the noise (the seed) can make two texts differ.
        string Text(ulong seed)
        {
            using var generator = Generator(8, "", 0);
            generator.SetSampling(new SamplingOptions(0));
            var text = new StringBuilder();
            generator.RecordText(text);
            generator.Reset(seed);
            var events = new ModelNoteEvent[generator.MaxEventsPerStep];
            for (var i = 0; i < AbcWganNoteGenerator.SegmentLength; i++) generator.Step(events);
            return text.ToString();
        }
        Assert.Equal(Text(1), Text(1));
        Assert.NotEqual(Text(1), Text(2));
    }
}
