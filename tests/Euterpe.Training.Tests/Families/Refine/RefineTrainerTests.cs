using Euterpe.Core.Families.Refine;
using Euterpe.Core.Generation;
using Euterpe.Core.Midi;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.Refine;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.Refine;

/// <summary>
/// The refine nets on the OpenMSX songs: the duration net, trained briefly, brings stretched lengths and gaps of
/// held-out songs closer to the real ones; --resume continues exactly; the exported step graph gives what the
/// TorchSharp net gives over a whole real part (within 1e-4); the stretch leaves chords chords.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class RefineTrainerTests : IDisposable
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";
    private readonly TempFolder _folder = new("euterpe-refine-");
    private readonly int _threads = torch.get_num_threads();

    public RefineTrainerTests() => torch.set_num_threads(1); // a model this small steps fastest on one thread

    public void Dispose()
    {
        torch.set_num_threads(_threads);
        _folder.Dispose();
    }

    private static RefineRunConfig Config(string family, long steps) => new()
    {
        Family = family, Hidden = 48, Batch = 16, Steps = steps, ValidationEvery = (int)steps, CheckpointEvery = (int)steps, Seed = 3, Data = OpenMsx,
    };

    [Fact]
    public void The_duration_net_restores_stretched_timing_of_held_out_songs()
    {
        var config = Config(RefineNetKinds.DurationFamily, 800);
        var corpus = RefineCorpus.Load(OpenMsx, config.ValidationFraction, config.Seed);
        Assert.Equal(31, corpus.TrainFiles + corpus.ValidationFiles);
        var metrics = RefineTrainer.Train(corpus, config, _folder.Path("run"), resume: false);
        var m = metrics.Measures!;
        Assert.True(m.Notes > 1000, $"{m.Notes} held-out notes");
        // The stretch is ±20 %: its mean |log2| error is near 0.14 whatever the music; the net must undo a real share of it.
        Assert.InRange(m.StretchedLengthError!.Value, 0.12, 0.17);
        Assert.True(m.RefinedLengthError < 0.85 * m.StretchedLengthError, $"lengths: {m.StretchedLengthError} stretched, {m.RefinedLengthError} refined");
        Assert.True(m.RefinedGapError < 0.85 * m.StretchedGapError, $"gaps: {m.StretchedGapError} stretched, {m.RefinedGapError} refined");
        Assert.True(m.RefinedLengthsWithin5 > m.StretchedLengthsWithin5 + 0.1, $"within 5 %: {m.StretchedLengthsWithin5} → {m.RefinedLengthsWithin5}");
        Assert.True(File.Exists(_folder.Path("run", "loss.svg")));
    }

    [Fact]
    public void Resume_continues_exactly()
    {
        var corpus = RefineCorpus.Load(OpenMsx, 0.15, 3);
        var whole = RefineTrainer.Train(corpus, Config(RefineNetKinds.VelocityFamily, 40) with { ValidationEvery = 20, CheckpointEvery = 20 }, _folder.Path("whole"), resume: false);
        RefineTrainer.Train(corpus, Config(RefineNetKinds.VelocityFamily, 20) with { ValidationEvery = 20, CheckpointEvery = 20 }, _folder.Path("split"), resume: false);
        var resumed = RefineTrainer.Train(corpus, Config(RefineNetKinds.VelocityFamily, 40) with { ValidationEvery = 20, CheckpointEvery = 20 }, _folder.Path("split"), resume: true);
        Assert.Equal(40, resumed.Step);
        Assert.Equal(whole.History.Select(p => (p.Step, p.TrainLoss, p.ValidationLoss)), resumed.History.Select(p => (p.Step, p.TrainLoss, p.ValidationLoss)));
        Assert.Equal(whole.Measures!.VelocityMeanAbsoluteError, resumed.Measures!.VelocityMeanAbsoluteError);
    }

    [Theory]
    [InlineData(RefineNetKinds.DurationFamily)]
    [InlineData(RefineNetKinds.VelocityFamily)]
    public void The_exported_step_graph_matches_the_net_over_a_real_part(string family)
    {
        torch.manual_seed(11);
        var config = Config(family, 1) with { Hidden = 24, Layers = 2 };
        using var model = new RefineModel(config);
        model.eval();
        var part = NotePart.Split(MidiFileReader.Read(Path.Combine(OpenMsx, "chuggachugga.mid"))).OrderByDescending(p => p.Count).First().Slice(0, 120);
        var (inputs, _) = RefineExamples.Of(part, config.Kind, config.Stretch, new RandomSource(4));
        var (f, o) = (config.Kind.Inputs(), config.Kind.Outputs());
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            expected = TensorAssert.Values<float>(model.forward(torch.tensor(inputs, new long[] { 1, part.Count, f })));

        var onnx = RefineOnnxGraph.Build(model);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(RefineOnnxGraph.FrameInput, RefineOnnxGraph.FrameOutput,
            [.. Euterpe.Training.Export.LstmStepNodes.StatePairs(2, 24).Select(s => (s.Input, s.Output))], 1, o);
        using var step = new OnnxFrameStepModel(session, signature);
        step.ResetState();
        var output = new float[o];
        var worst = 0.0;
        for (var i = 0; i < part.Count; i++)
        {
            step.Step(inputs.AsSpan(i * f, f), output);
            for (var k = 0; k < o; k++) worst = Math.Max(worst, Math.Abs(output[k] - expected[i * o + k]));
        }
        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
    }

    [Fact]
    public void The_stretch_keeps_chords_and_stays_within_its_bounds()
    {
        var part = NotePart.Split(MidiFileReader.Read(Path.Combine(OpenMsx, "chuggachugga.mid"))).OrderByDescending(p => p.Count).First();
        var stretched = TimingStretch.Apply(part, 0.2, new RandomSource(9));
        var changed = 0;
        for (var i = 0; i < part.Count; i++)
        {
            var ratio = stretched.Durations[i] / part.Durations[i];
            Assert.InRange(ratio, 0.8 - 1e-9, 1.2 + 1e-9);
            if (Math.Abs(ratio - 1) > 1e-6) changed++;
            if (i + 1 < part.Count)
            {
                var gap = part.Onsets[i + 1] - part.Onsets[i];
                var stretchedGap = stretched.Onsets[i + 1] - stretched.Onsets[i];
                if (gap == 0) Assert.Equal(0, stretchedGap);
                else Assert.InRange(stretchedGap / gap, 0.8 - 1e-9, 1.2 + 1e-9);
            }
        }
        Assert.True(changed > part.Count * 0.9);
        var same = TimingStretch.Apply(part, 0, new RandomSource(9));
        Assert.Equal(part.Durations, same.Durations);
        for (var i = 0; i < part.Count; i++) Assert.Equal(part.Onsets[i], same.Onsets[i], 9);
    }
}
