using Euterpe.Core.Families.RnnGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Onnx;
using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The RNN-GAN's generator over a stand-in ONNX step (frame = distribution and noise; a random recurrent map whose
/// softmax the noise and the state steer): every token becomes a note or rest of its duration on the sixteenth grid,
/// back to back; the noise decides the notes; the same seed gives the same notes; steps allocate nothing.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class RnnGanNoteGeneratorTests
{
    private const int Z = 4, H = 8;
    private static readonly int V = RnnGanFamily.Encoding.JointVocabularySize;

    // hn = tanh(h0/2 + frame·R), cn = c0, next = [softmax(hn·W), 0…]: the noise in the frame steers every step.
    private static RnnGanNoteGenerator Generator(ulong seed)
    {
        var random = new RandomSource(seed);
        var r = new float[(V + Z) * H];
        random.FillGaussian(r, 2);
        var w = new float[H * V];
        random.FillGaussian(w, 2);
        var b = new OnnxGraphBuilder("stand_in");
        var x = b.Input("frame", TensorElementType.Float, [1, 1, V + Z]);
        var h0 = b.Input("h0", TensorElementType.Float, [1, 1, H]);
        var c0 = b.Input("c0", TensorElementType.Float, [1, 1, H]);
        var hn = b.Node("Tanh", [b.Add(b.Mul(h0, b.Initializer("half", [0.5f], [1])), b.MatMul(x, b.Initializer("R", r, [V + Z, H])))])[0];
        b.Output(hn, "hn", TensorElementType.Float, [1, 1, H]);
        b.Output(b.Node("Identity", [c0])[0], "cn", TensorElementType.Float, [1, 1, H]);
        var logits = b.MatMul(b.Reshape(hn, 1, H), b.Initializer("W", w, [H, V]));
        var softmax = b.Node("Softmax", [logits], 1, OnnxAttribute.Of("axis", -1L))[0];
        b.Output(b.Concat(1, softmax, b.Initializer("slot", new float[Z], [1, Z])), "next", TensorElementType.Float, [1, V + Z]);
        var session = InferenceSession.FromBytes(b.ToModel().ToByteArray());
        var model = new OnnxFrameStepModel(session, new FrameModelSignature("frame", "next", [("h0", "hn"), ("c0", "cn")], 1), ownsSession: true);
        return new RnnGanNoteGenerator(model, RnnGanFamily.Encoding);
    }

    private static List<ModelNoteEvent> Run(RnnGanNoteGenerator generator, ulong seed, int steps)
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
        using var generator = Generator(1);
        var encoding = RnnGanFamily.Encoding;
        var events = Run(generator, 3, 3 * RnnGanNoteGenerator.SegmentLength);
        Assert.True(events.Count >= 20, $"{events.Count} events");
        double last = 0;
        for (var i = 0; i < events.Count; i += 2)
        {
            var (on, off) = (events[i], events[i + 1]);
            Assert.True(on.IsNoteOn && !off.IsNoteOn && on.Pitch == off.Pitch, $"event {i}");
            Assert.InRange(on.Pitch, encoding.MinPitch, encoding.MaxPitch);
            Assert.Contains((int)Math.Round((off.Time - on.Time) * encoding.StepsPerBeat), encoding.DurationSteps);
            Assert.True(on.Time >= last - 1e-9, "notes overlap"); // monophonic: a note starts when the last ended or after a rest
            Assert.Equal(0, on.Time * 4 % 1, 9);
            last = off.Time;
        }
        Assert.True(generator.Time >= last - 1e-9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_notes_another_seed_other_notes_and_steps_allocate_nothing()
    {
        using var generator = Generator(5);
        var first = Run(generator, 5, 1_000);
        Assert.Equal(first, Run(generator, 5, 1_000));
        Assert.NotEqual(first, Run(generator, 6, 1_000));

        generator.Reset(7);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 1_000; i++) generator.Step(events);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void The_noise_decides_the_notes()
    {
        // Temperature 0 takes the likeliest token: only the noise (the seed) can make two runs differ.
        using var generator = Generator(8);
        generator.SetSampling(new SamplingOptions(0));
        Assert.Equal(Run(generator, 1, RnnGanNoteGenerator.SegmentLength), Run(generator, 1, RnnGanNoteGenerator.SegmentLength));
        Assert.NotEqual(Run(generator, 1, RnnGanNoteGenerator.SegmentLength), Run(generator, 2, RnnGanNoteGenerator.SegmentLength));
    }
}
