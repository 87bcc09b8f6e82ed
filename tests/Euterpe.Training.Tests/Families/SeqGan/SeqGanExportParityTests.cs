using Euterpe.Core.Families.SeqGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.SeqGan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.SeqGan;

/// <summary>
/// The exported generator step, run in ONNX Runtime from the start symbol with a sequence's tokens fed one by one,
/// gives the logits the TorchSharp generator computes for the whole sequence at once (teacher forcing): within 1e-4,
/// for both duration schemes' vocabularies; the start symbol's logit stays far below.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class SeqGanExportParityTests
{
    [Theory]
    [InlineData(SeqGanTokens.Vocabulary)]
    [InlineData(SeqGanTokens.NGram)]
    public void OnnxRuntimeStepsMatchLibtorchsLogitsForEveryToken(string scheme)
    {
        const int Steps = 24, Hidden = 20;
        torch.manual_seed(5);
        var v = SeqGanTokens.Count(scheme);
        using var generator = new SeqGanGenerator(v, embedding: 8, hidden: Hidden);
        generator.eval();
        var random = new Random(6);
        var tokens = Enumerable.Range(0, Steps).Select(_ => (long)random.Next(v)).ToArray();
        float[] expected;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
            expected = TensorAssert.Values<float>(generator.Logits(torch.tensor(tokens, new long[] { 1, Steps })));

        var onnx = SeqGanOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        var signature = new TokenModelSignature(SeqGanOnnxGraph.TokenInput, SeqGanOnnxGraph.LogitsOutput, [.. SeqGanOnnxGraph.StatePairs(Hidden).Select(s => (s.Input, s.Output))]);
        using var model = new OnnxTokenStepModel(session, signature);
        Assert.Equal(v + 1, model.VocabularySize);
        model.ResetState();
        var worst = 0.0;
        var fed = v; // the start symbol
        for (var t = 0; t < Steps; t++)
        {
            var logits = model.Step(fed, default);
            for (var i = 0; i < v; i++) worst = Math.Max(worst, Math.Abs(logits[i] - expected[t * v + i]));
            Assert.Equal(SeqGanOnnxGraph.StartLogit, logits[v]);
            fed = (int)tokens[t];
        }
        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
        // The state is carried: the same token after another history gives other logits.
        model.ResetState();
        var fresh = model.Step(v, default).ToArray();
        Assert.True(Enumerable.Range(0, v).Max(i => Math.Abs(fresh[i] - expected[i])) <= 1e-4);
        var second = model.Step((int)tokens[0], default).ToArray();
        Assert.True(Enumerable.Range(0, v).Max(i => Math.Abs(second[i] - fresh[i])) > 1e-5, "the state changes nothing");
    }
}
