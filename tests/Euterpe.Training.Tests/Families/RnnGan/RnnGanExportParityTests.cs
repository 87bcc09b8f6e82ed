using Euterpe.Core.Families.RnnGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.RnnGan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.RnnGan;

/// <summary>
/// The exported generator step, run in ONNX Runtime with the same noise z_t written into each frame and its own
/// distribution fed back, gives what the TorchSharp generator writes on its own for the whole sequence: within 1e-4.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class RnnGanExportParityTests
{
    [Fact]
    public void OnnxRuntimeStepsWithTheSameNoiseMatchLibtorchsFreeRunningSequence()
    {
        const int Steps = 24, Z = 4;
        torch.manual_seed(5);
        var v = RnnGanFamily.Encoding.JointVocabularySize;
        using var generator = new RnnGanGenerator(v, embedding: 8, noise: Z, hidden: 16);
        generator.eval();
        var zValues = new float[Steps * Z];
        new RandomSource(6).FillGaussian(zValues);
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            expected = TensorAssert.Values<float>(generator.Free(torch.tensor(zValues, new long[] { 1, Steps, Z })));

        var onnx = RnnGanOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(RnnGanOnnxGraph.FrameInput, RnnGanOnnxGraph.FrameOutput,
            [.. RnnGanOnnxGraph.StatePairs(16).Select(s => (s.Input, s.Output))], 1);
        using var model = new OnnxFrameStepModel(session, signature);
        Assert.Equal(v + Z, model.FrameSize);
        model.ResetState();
        var frame = new float[v + Z];
        var next = new float[v + Z];
        var worst = 0.0;
        for (var t = 0; t < Steps; t++)
        {
            zValues.AsSpan(t * Z, Z).CopyTo(frame.AsSpan(v));
            model.Step(frame, next);
            for (var i = 0; i < v; i++) worst = Math.Max(worst, Math.Abs(next[i] - expected[t * v + i]));
            Assert.Equal(1.0, next.AsSpan(0, v).ToArray().Sum(), 4);
            Assert.All(next[v..], x => Assert.Equal(0f, x)); // the noise slot comes back empty
            next.AsSpan(0, v).CopyTo(frame);
        }
        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
        // The noise matters: the same start with other noise gives another first distribution.
        model.ResetState();
        Array.Clear(frame);
        model.Step(frame, next);
        Assert.True(Enumerable.Range(0, v).Max(i => Math.Abs(next[i] - expected[i])) > 1e-5, "the noise changes nothing");
    }
}
