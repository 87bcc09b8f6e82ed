using Euterpe.Core.Inference.Generators;

namespace Euterpe.Core.Tests.Generators;

/// <summary>The other ONNX-backed generators' steady states allocate nothing either.</summary>
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
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++) generator.Next(frame);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(frame, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void RollsAndCodeWalksAllocateNothing()
    {
        using var rollModel = OnnxPianoRollModel.Open(GeneratorTestModels.PathOf("roll_logits.onnx"), new PianoRollModelSignature("noise", "roll", "cond", true));
        using var decoder = OnnxCodeDecoder.Open(GeneratorTestModels.PathOf("code_logits.onnx"), new CodeDecoderSignature("code", "logits"));
        var rolls = new PianoRollGenerator(rollModel, 3);
        var walk = new CodeWalkGenerator(decoder, 3, bitsPerStep: 2);
        var tokens = new int[decoder.SequenceLength];
        for (var i = 0; i < 50; i++) { rolls.GenerateRoll(); walk.Step(tokens); }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++) { rolls.GenerateRoll(); walk.Step(tokens); }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
