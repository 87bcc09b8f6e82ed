using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Tests.Generation;

/// <summary>The frame generator's steady state allocates nothing either.</summary>
[Collection(NonParallelCollection.Name)]
public sealed class OnnxModelsAllocationTests
{
    [Fact]
    public void StatefulFrameGenerationAllocatesNothing()
    {
        var signature = new FrameModelSignature("frame", "next", [("h0", "hn"), ("c0", "cn")]);
        using var model = OnnxFrameStepModel.Open(GeneratorTestModels.PathOf("frame_lstm.onnx"), signature);
        var generator = new AudioFrameGenerator(model, seed: 2) { Variation = 0.1f };
        generator.Seed(GeneratorTestModels.Floats("frame_lstm_seed.npy"));
        var frame = new float[3];
        for (var i = 0; i < 50; i++) generator.Next(frame);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 500; i++) generator.Next(frame);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.All(frame, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void TheShippedPresetsLevelDrawAllocatesNothing()
    {
        // The real preset's level head: logits read, a class drawn, the frame scaled, every hop.
        using var preset = AudioFramePreset.Open(Preset.Open(RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx")));
        Assert.NotNull(preset.Levels);
        var generator = new AudioFrameGenerator(preset.Model, 3, preset.Levels) { Variation = 0.1f };
        var codec = preset.CreateCodec();
        var seed = codec.EncodeFlat(preset.SeedAudio);
        generator.Seed(seed.AsSpan(0, 40 * codec.FrameSize), 3);
        var frame = new float[codec.FrameSize];
        for (var i = 0; i < 20; i++) generator.Next(frame);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 50; i++) generator.Next(frame);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.True(float.IsFinite(generator.LastLevelDb));
    }
}
