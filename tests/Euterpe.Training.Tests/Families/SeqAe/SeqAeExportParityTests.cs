using Euterpe.Core.Families.SeqAe;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.SeqAe;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.SeqAe;

/// <summary>
/// The exported binary decoder step, run in ONNX Runtime with the previous token as one-hot and the ±1 code in every
/// frame, gives the distributions the TorchSharp decoder gives teacher-forced on the same tokens and code: within 1e-4.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class SeqAeExportParityTests
{
    [Fact]
    public void OnnxRuntimeStepsMatchLibtorchsTeacherForcedDecoder()
    {
        const int Length = 8, Bits = 6, Hidden = 16;
        torch.manual_seed(5);
        var v = SeqAeFamily.Encoding.JointVocabularySize;
        using var decoder = new SeqAeDecoder(v, embedding: 8, hidden: Hidden, codeBits: Bits);
        decoder.eval();
        var random = new RandomSource(6);
        var tokens = Enumerable.Range(0, Length).Select(_ => (long)random.NextInt(v)).ToArray();
        var code = Enumerable.Range(0, Bits).Select(_ => random.NextDouble() < 0.5 ? -1f : 1f).ToArray();
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            expected = TensorAssert.Values<float>(torch.nn.functional.softmax(
                decoder.forward(torch.tensor(code, new long[] { 1, Bits }), torch.tensor(tokens, new long[] { 1, Length })), -1));

        var onnx = SeqAeOnnxGraph.Build(decoder);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new FrameModelSignature(SeqAeOnnxGraph.FrameInput, SeqAeOnnxGraph.FrameOutput,
            [.. SeqAeOnnxGraph.StatePairs(Hidden).Select(s => (s.Input, s.Output))], 1, v);
        using var model = new OnnxFrameStepModel(session, signature);
        Assert.Equal(v + Bits, model.FrameSize);
        Assert.Equal(v, model.OutputSize);
        var frame = new float[v + Bits];
        var next = new float[v];
        double Run(float[] withCode)
        {
            model.ResetState();
            var worst = 0.0;
            for (var t = 0; t < Length; t++)
            {
                Array.Clear(frame, 0, v);
                if (t > 0) frame[tokens[t - 1]] = 1;
                withCode.CopyTo(frame, v);
                model.Step(frame, next);
                Assert.Equal(1.0, next.Sum(), 4);
                for (var i = 0; i < v; i++) worst = Math.Max(worst, Math.Abs(next[i] - expected[t * v + i]));
            }
            return worst;
        }
        var difference = Run(code);
        Assert.True(difference <= 1e-4, $"largest difference {difference:E2}");
        // The code matters: the same tokens from the opposite code give other distributions.
        Assert.True(Run([.. code.Select(c => -c)]) > 1e-4, "the code changes nothing");
    }
}
