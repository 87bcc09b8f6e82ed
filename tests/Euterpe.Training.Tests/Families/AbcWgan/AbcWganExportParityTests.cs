using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.AbcWgan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.AbcWgan;

/// <summary>
/// The exported generator step, run in ONNX Runtime from the noise z written into its state and the start symbol, its
/// own distribution fed back, gives what the TorchSharp generator writes on its own for the whole sequence: within 1e-4.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class AbcWganExportParityTests
{
    [Fact]
    public void OnnxRuntimeStepsFromNoiseMatchLibtorchsFreeRunningSequence()
    {
        const int Steps = 24;
        torch.manual_seed(5);
        var v = AbcCharacterEncoding.VocabularySize;
        using var generator = new AbcWganGenerator(v, embedding: 8, hidden: 16);
        generator.eval();
        var zValues = new float[16];
        new RandomSource(6).FillGaussian(zValues);
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            expected = TensorAssert.Values<float>(generator.Free(torch.tensor(zValues, new long[] { 1, 16 }), Steps));

        var onnx = AbcWganOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(AbcWganOnnxGraph.DistributionInput, AbcWganOnnxGraph.DistributionOutput,
            [(AbcWganOnnxGraph.HiddenInput, AbcWganOnnxGraph.HiddenOutput)], 1);
        using var model = new OnnxFrameStepModel(session, signature);
        Assert.Equal(v, model.FrameSize);
        model.ResetState();
        zValues.CopyTo(model.State(0));
        var input = new float[v];
        input[AbcCharacterEncoding.TuneEdge] = 1;
        var next = new float[v];
        var worst = 0.0;
        for (var t = 0; t < Steps; t++)
        {
            model.Step(input, next);
            for (var i = 0; i < v; i++) worst = Math.Max(worst, Math.Abs(next[i] - expected[t * v + i]));
            Assert.Equal(1.0, next.Sum(), 4);
            next.CopyTo(input);
        }
        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
        // The state matters: the distributions move from step to step and differ from a zero state's.
        Assert.True(Enumerable.Range(0, v).Max(i => Math.Abs(expected[i] - expected[(Steps - 1) * v + i])) > 1e-3, "the sequence does not move");
        model.ResetState();
        Array.Clear(input);
        input[AbcCharacterEncoding.TuneEdge] = 1;
        model.Step(input, next);
        Assert.True(Enumerable.Range(0, v).Max(i => Math.Abs(next[i] - expected[i])) > 1e-4, "the noise in the state changes nothing");
    }
}
