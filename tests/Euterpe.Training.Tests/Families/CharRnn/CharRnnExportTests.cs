using System.Globalization;
using Euterpe.Core.Encoding;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;
using Euterpe.Training.Export;
using Euterpe.Training.Families;
using Euterpe.Training.Families.CharRnn;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Tests.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.CharRnn;

/// <summary>
/// A trained char-rnn run exported as a preset: the manifest a char-rnn player reads, and model.onnx run by ONNX Runtime
/// one character at a time agreeing with the TorchSharp model over a held-out melody's text.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class CharRnnExportTests : IDisposable
{
    private readonly TempFolder _temp = new("euterpe-char-rnn-export-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExportedStepsMatchTheTrainedModelOverAHeldOutMelody(bool conditional)
    {
        var data = CharRnnTrainerTests.Dataset(_temp);
        var run = _temp.Path("run");
        CharRnnTrainer.Train(data, CharRnnTrainerTests.Config(data, 4, conditional, every: 4), run, resume: false);
        Assert.Same(CharRnnExporter.Entry, TrainedFamilies.ExporterOf(run));
        Assert.False(EventRnnExporter.IsRun(run));
        var preset = _temp.Path("preset");
        var manifest = CharRnnExporter.Export(run, preset);

        Assert.Equal(conditional ? "conditional-char-rnn" : "char-rnn", manifest.Family);
        Assert.Equal(Representations.AbcCharacters, manifest.Representation);
        var read = Preset.Open(preset).OnnxManifest;
        Assert.Equal(37, read.Vocabulary!.Size);
        Assert.Equal(AbcCharacterEncoding.TokenNames(), read.Vocabulary.Tokens);
        Assert.Equal("\n", read.Vocabulary.Tokens![1]);
        Assert.Equal(AbcCharacterEncoding.Name, read.Vocabulary.Encoding!.Name);
        Assert.Equal(2, read.State.Count); // h and c of the one layer
        Assert.Equal(4, read.Provenance!.Steps);
        Assert.True(read.Provenance.ValidationMetrics[CharRnnExporter.ValidationMetricName] > 0);
        Assert.StartsWith("euterpe train char-rnn --config tiny", read.Provenance.TrainerVersion);
        Assert.Equal(conditional ? 1 : 0, read.Conditioning.Count);

        using var session = InferenceSession.Open(Path.Combine(preset, Preset.ModelFileName));
        var mean = session.Metadata.Custom.GetValueOrDefault(CharRnnExporter.ConditioningMeanKey);
        if (conditional)
        {
            Assert.Equal(EventRnnOnnxGraph.ConditioningInput, read.Conditioning[0].Name);
            Assert.Equal([1L, 14], read.Conditioning[0].Shape);
            Assert.Contains(session.Inputs, i => i.Name == EventRnnOnnxGraph.ConditioningInput);
            var values = mean!.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(CharRnnTrainer.ReadRunConfig(Path.Combine(run, CharRnnTrainer.CheckpointFileName)).ConditioningMean, values);
        }
        else
        {
            Assert.Null(mean);
            Assert.DoesNotContain(session.Inputs, i => i.Name == EventRnnOnnxGraph.ConditioningInput);
        }

        var (model, config, _) = CharRnnExporter.LoadRun(run);
        using (model)
        {
            var piece = data.Validation[0];
            StepBoth(model, session, piece.Tokens[..60], conditional ? EventRnnTrainer.Normalise(piece.Features) : null);
        }
    }

    /// <summary>Feeds the same tokens to the TorchSharp model and the ONNX step graph, carrying each one's state, comparing logits and state at every step.</summary>
    private static void StepBoth(EventRnnModel model, InferenceSession session, int[] tokens, float[]? conditioning)
    {
        var (layers, hidden) = (model.Config.Layers, model.Config.HiddenSize);
        var state = new float[2 * layers][];
        for (var i = 0; i < state.Length; i++) state[i] = new float[hidden];
        (Tensor h, Tensor c)? torchState = null;
        using var noGrad = torch.no_grad();
        for (var step = 0; step < tokens.Length; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (logits, h, c) = model.forward(torch.tensor(new long[] { tokens[step] }, new long[] { 1, 1 }),
                conditioning is null ? null : torch.tensor(conditioning, new long[] { 1, 14 }), torchState);
            var inputs = new Dictionary<string, OrtTensor> { [EventRnnOnnxGraph.TokenInput] = OrtTensor.Wrap<long>([tokens[step]], 1, 1) };
            if (conditioning is not null) inputs[EventRnnOnnxGraph.ConditioningInput] = OrtTensor.Wrap(conditioning, 1, 14);
            for (var l = 0; l < layers; l++)
            {
                inputs[LstmStepNodes.HiddenInput(l)] = OrtTensor.Wrap(state[2 * l], 1, 1, hidden);
                inputs[LstmStepNodes.CellInput(l)] = OrtTensor.Wrap(state[2 * l + 1], 1, 1, hidden);
            }
            var outputs = session.Run(inputs);
            try
            {
                var byName = session.Outputs.Select((o, i) => (o.Name, i)).ToDictionary(p => p.Name, p => outputs[p.i].AsSpan<float>().ToArray());
                Close(TensorAssert.Values<float>(logits), byName[EventRnnOnnxGraph.LogitsOutput], $"logits at step {step}");
                var (hs, cs) = (TensorAssert.Values<float>(h), TensorAssert.Values<float>(c));
                for (var l = 0; l < layers; l++)
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
            torchState = (h.MoveToOuterDisposeScope().DetachFromDisposeScope(), c.MoveToOuterDisposeScope().DetachFromDisposeScope());
        }
    }

    private static void Close(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-4, $"{what}: ONNX Runtime differs from libtorch by {worst}");
    }
}
