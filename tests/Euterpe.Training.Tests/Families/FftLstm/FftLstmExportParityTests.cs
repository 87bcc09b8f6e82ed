using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.FftLstm;

/// <summary>
/// Each architecture's exported one-frame ONNX graph, stepped frame by frame in ONNX Runtime with its state carried,
/// gives what the TorchSharp model gives for the whole sequence at once (normalisation included): within 1e-4.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class FftLstmExportParityTests
{
    public static TheoryData<string> Architectures() => [.. FftLstmConfig.Architectures];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void OnnxRuntimeFrameStepsMatchLibtorchOverASequence(string arch)
    {
        const int Frames = 12;
        torch.manual_seed(3);
        var config = FftLstmConfig.Named("tiny", arch, 34); // 17 bins
        using var model = new FftLstmModel(config);
        var random = new Random(4);
        var f = config.FrameSize;
        model.SetNormalization([.. Enumerable.Range(0, f).Select(_ => (float)(random.NextDouble() * 2 - 1))],
            [.. Enumerable.Range(0, f).Select(_ => (float)(0.5 + random.NextDouble() * 1.5))]);
        model.eval();
        var raw = Enumerable.Range(0, Frames * f).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();

        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var mean = TensorAssert.Values<float>(model.frame_mean);
            var std = TensorAssert.Values<float>(model.frame_std);
            var normalised = raw.Select((v, i) => (v - mean[i % f]) / std[i % f]).ToArray();
            expected = TensorAssert.Values<float>(model.forward(torch.tensor(normalised, new long[] { 1, Frames, f })));
            for (var i = 0; i < expected.Length; i++) expected[i] = expected[i] * std[i % f] + mean[i % f];
        }

        var onnx = FftLstmOnnxGraph.Build(model, []);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(FftLstmOnnxGraph.FrameInput, FftLstmOnnxGraph.FrameOutput,
            [.. FftLstmOnnxGraph.StatePairs(config).Select(s => (s.Input, s.Output))]);
        using var step = new OnnxFrameStepModel(session, signature);
        Assert.Equal(1, step.ContextFrames);
        Assert.Equal(f, step.FrameSize);
        var next = new float[f];
        var worst = 0.0;
        for (var t = 0; t < Frames; t++)
        {
            step.Step(raw.AsSpan(t * f, f), next);
            for (var i = 0; i < f; i++) worst = Math.Max(worst, Math.Abs(next[i] - expected[t * f + i]));
        }
        Assert.True(worst <= 1e-4, $"{arch}: largest difference {worst:E2}");
        Assert.True(expected.Any(v => Math.Abs(v) > 0.1), "the model predicts nothing");

        // The window method: a fresh state over the 12 frames gives libtorch's last prediction, a second time too.
        var windowed = new WindowedFrameModel(step, Frames);
        for (var round = 0; round < 2; round++)
        {
            windowed.Step(raw, next);
            var last = 0.0;
            for (var i = 0; i < f; i++) last = Math.Max(last, Math.Abs(next[i] - expected[(Frames - 1) * f + i]));
            Assert.True(last <= 1e-4, $"{arch}: window method, round {round}: largest difference {last:E2}");
        }
    }

    [Theory]
    [InlineData(FftLstmConfig.Bilinear)]
    [InlineData(FftLstmConfig.Conv2d)]
    public void A_level_heads_logits_in_OnnxRuntime_match_libtorch_over_a_sequence(string arch)
    {
        const int Frames = 10;
        torch.manual_seed(5);
        var config = FftLstmConfig.Named("tiny", arch, 34) with { LevelClasses = 6 };
        using var model = new FftLstmModel(config);
        model.SetLevelBins(new(6, -50, 4));
        model.eval();
        var random = new Random(6);
        var f = config.FrameSize;
        var raw = Enumerable.Range(0, Frames * f).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            // Normalisation is the identity here (mean 0, std 1): the raw frames are what the model reads.
            var levels = new float[Frames];
            FftLstmModel.LevelFeatures(raw, f, model.LevelBins!.Value, levels);
            expected = TensorAssert.Values<float>(model.Predict(torch.tensor(raw, new long[] { 1, Frames, f }), torch.tensor(levels, new long[] { 1, Frames, 1 })).LevelLogits!);
        }

        var onnx = FftLstmOnnxGraph.Build(model, []);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(FftLstmOnnxGraph.FrameInput, FftLstmOnnxGraph.FrameOutput,
            [.. FftLstmOnnxGraph.StatePairs(config).Select(s => (s.Input, s.Output))], LevelOutput: FftLstmOnnxGraph.LevelOutput);
        using var step = new OnnxFrameStepModel(session, signature);
        Assert.Equal(6, step.LevelClasses);
        var next = new float[f];
        var worst = 0.0;
        for (var t = 0; t < Frames; t++)
        {
            step.Step(raw.AsSpan(t * f, f), next);
            var logits = step.LevelLogits;
            for (var k = 0; k < 6; k++) worst = Math.Max(worst, Math.Abs(logits[k] - expected[t * 6 + k]));
        }
        Assert.True(worst <= 1e-4, $"{arch}: largest difference {worst:E2}");
        Assert.True(expected.Max() - expected.Min() > 0.01, "the head predicts nothing");
        // Through the window method too: the level of the frame after the last.
        new WindowedFrameModel(step, Frames).Step(raw, next);
        Assert.True(Math.Abs(step.LevelLogits[5] - expected[^1]) <= 1e-4);
    }
}
