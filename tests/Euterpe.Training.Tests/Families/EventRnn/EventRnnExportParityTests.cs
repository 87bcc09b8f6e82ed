using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;
using Euterpe.Training.Export;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.EventRnn;

/// <summary>The exported single-step ONNX graph, run by ONNX Runtime, agrees with the TorchSharp model stepped one token at a time.</summary>
public sealed class EventRnnExportParityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OnnxRuntimeStepsMatchLibtorchStepsOver20Tokens(bool conditional)
    {
        torch.manual_seed(5);
        var config = new EventRnnConfig("test", 388, 16, 24, 2, conditional ? 14 : 0);
        using var model = new EventRnnModel(config);
        model.eval();
        var onnx = EventRnnOnnxGraph.Build(model, []);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());

        var random = new Random(9);
        var conditioning = Enumerable.Range(0, 14).Select(_ => (float)random.NextDouble()).ToArray();
        var hidden = config.HiddenSize;
        var state = new float[2 * config.Layers][];
        for (var i = 0; i < state.Length; i++) state[i] = new float[hidden];
        (Tensor h, Tensor c)? torchState = null;
        using var noGrad = torch.no_grad();
        for (var step = 0; step < 20; step++)
        {
            var token = random.Next(388);
            using var scope = torch.NewDisposeScope();
            var (logits, h, c) = model.forward(torch.tensor(new long[] { token }, new long[] { 1, 1 }), conditional ? torch.tensor(conditioning, new long[] { 1, 14 }) : null, torchState);
            torchState = (h, c);

            var inputs = new Dictionary<string, OrtTensor> { [EventRnnOnnxGraph.TokenInput] = OrtTensor.Wrap<long>([token], 1, 1) };
            if (conditional) inputs[EventRnnOnnxGraph.ConditioningInput] = OrtTensor.Wrap(conditioning, 1, 14);
            for (var l = 0; l < config.Layers; l++)
            {
                inputs[LstmStepNodes.HiddenInput(l)] = OrtTensor.Wrap(state[2 * l], 1, 1, hidden);
                inputs[LstmStepNodes.CellInput(l)] = OrtTensor.Wrap(state[2 * l + 1], 1, 1, hidden);
            }
            var outputs = session.Run(inputs);
            try
            {
                var byName = session.Outputs.Select((o, i) => (o.Name, i)).ToDictionary(p => p.Name, p => outputs[p.i].AsSpan<float>().ToArray());
                Close(TensorAssert.Values<float>(logits), byName[EventRnnOnnxGraph.LogitsOutput], $"logits at step {step}");
                var hs = TensorAssert.Values<float>(h);
                var cs = TensorAssert.Values<float>(c);
                for (var l = 0; l < config.Layers; l++)
                {
                    Close(hs[(l * hidden)..((l + 1) * hidden)], byName[LstmStepNodes.HiddenOutput(l)], $"h of layer {l} at step {step}");
                    Close(cs[(l * hidden)..((l + 1) * hidden)], byName[LstmStepNodes.CellOutput(l)], $"c of layer {l} at step {step}");
                    state[2 * l] = byName[LstmStepNodes.HiddenOutput(l)];
                    state[2 * l + 1] = byName[LstmStepNodes.CellOutput(l)];
                }
            }
            finally
            {
                foreach (var o in outputs) o.Dispose();
                foreach (var i in inputs.Values) i.Dispose();
            }
            h.MoveToOuterDisposeScope().DetachFromDisposeScope();
            c.MoveToOuterDisposeScope().DetachFromDisposeScope();
        }
    }

    private static void Close(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-4, $"{what}: ONNX Runtime differs from libtorch by {worst}");
    }
}
