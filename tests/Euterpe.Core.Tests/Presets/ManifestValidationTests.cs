using Euterpe.Core.Onnx;
using Euterpe.Core.Presets;
using Euterpe.Core.Tensors;
using Euterpe.Core.Tests.Onnx;

namespace Euterpe.Core.Tests.Presets;

/// <summary>Manifests checked against tensor lists read (with our reader) from models our writer produced.</summary>
public class ManifestValidationTests
{
    private const string Manifest = "presets/x/manifest.json";
    private const string Model = "presets/x/model.onnx";

    // Errors name the model by its file name: it lies beside the manifest, which the line names first.
    private const string ModelName = "model.onnx";

    private static (IReadOnlyList<TensorInfo> Inputs, IReadOnlyList<TensorInfo> Outputs) Declared(OnnxModel model)
    {
        var read = OnnxModel.Parse(model.ToByteArray(), Model);
        return (read.Graph.RuntimeInputs(), read.Graph.Outputs);
    }

    private static OnnxModel ConditionalModel()
    {
        var g = new OnnxGraphBuilder("conditional");
        var token = g.Input("token", TensorElementType.Int64, [-1], ["time"]);
        var density = g.Input("density", TensorElementType.Float, [1]);
        var rows = g.Gather(g.Initializer("embedding", TestModels.Ramp(9), [3, 3]), token);
        g.Output(g.Mul(rows, density), "logits", TensorElementType.Float, [-1, 3], ["time", null]);
        return g.ToModel();
    }

    private static void Validate(string json, OnnxModel model)
    {
        var (inputs, outputs) = Declared(model);
        ModelManifest.Parse(json, Manifest).ValidateAgainst(inputs, outputs, Model);
    }

    private static string Error(string json, OnnxModel model) => Assert.Throws<EuterpeException>(() => Validate(json, model)).Message;

    [Fact]
    public void MatchingManifestsPass()
    {
        Validate(ManifestSamples.EventRnn, TestModels.LstmStep());
        Validate(ManifestSamples.Conditional, ConditionalModel());
    }

    [Fact]
    public void WrongStateShapeNamesBothFilesAndBothSides()
    {
        var json = ManifestSamples.EventRnn.Replace("\"input\": \"h0\", \"output\": \"h1\", \"elementType\": \"float\", \"shape\": [1, 1, 5]",
            "\"input\": \"h0\", \"output\": \"h1\", \"elementType\": \"float\", \"shape\": [2, 1, 5]");
        Assert.Equal($"{Manifest}: state input \"h0\" is float[2,1,5] but {ModelName} declares float[1,1,5]", Error(json, TestModels.LstmStep()));
    }

    [Fact]
    public void WrongTokenTypeIsReported()
    {
        var json = ManifestSamples.EventRnn.Replace("\"elementType\": \"int64\"", "\"elementType\": \"int32\"");
        Assert.Equal($"{Manifest}: io tokenInput \"token\" is int32[1] but {ModelName} declares int64[1]", Error(json, TestModels.LstmStep()));
    }

    [Fact]
    public void RankMismatchAgainstASymbolicDimensionIsReported()
    {
        var json = ManifestSamples.Conditional.Replace("\"shape\": [-1] }", "\"shape\": [1, -1] }");
        Assert.Equal($"{Manifest}: io tokenInput \"token\" is int64[1,?] but {ModelName} declares int64[time]", Error(json, ConditionalModel()));
    }

    [Fact]
    public void MissingTensorListsWhatTheModelHas()
    {
        var json = ManifestSamples.EventRnn.Replace("\"output\": \"c1\"", "\"output\": \"c_out\"");
        Assert.Equal($"{Manifest}: state output \"c_out\" is not an output of {ModelName} (its outputs: logits, h1, c1)", Error(json, TestModels.LstmStep()));
    }

    [Fact]
    public void ConditioningInputMustExistWithItsType()
    {
        var json = ManifestSamples.Conditional.Replace("\"unit\": \"notes/s\"", "\"unit\": \"notes/s\", \"elementType\": \"double\"");
        Assert.Equal($"{Manifest}: conditioning input \"density\" is double[1] but {ModelName} declares float[1]", Error(json, ConditionalModel()));
    }

    [Fact]
    public void ModelInputTheManifestDoesNotFeedIsReported()
    {
        // Drop the c0/c1 state pair: the model still wants c0.
        var json = ManifestSamples.EventRnn.Replace(",\n    { \"input\": \"c0\", \"output\": \"c1\", \"elementType\": \"float\", \"shape\": [1, 1, 5] }", "");
        Assert.DoesNotContain("c0", json);
        Assert.Equal($"{Manifest}: {ModelName} has input \"c0\" (float[1,1,5]) that the manifest does not describe (io, state or conditioning)",
            Error(json, TestModels.LstmStep()));
    }
}
