using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

public class OnnxGraphChecksTests
{
    [Theory]
    [MemberData(nameof(OnnxCheckerTests.ModelNames), MemberType = typeof(OnnxCheckerTests))]
    public void BuilderModelsPass(string name) => Assert.Null(OnnxGraphChecks.FirstProblem(TestModels.Build(name)));

    [Fact]
    public void NodeReadingAnUndefinedValueIsFound()
    {
        var model = TestModels.LstmStep();
        model.Graph.Nodes.RemoveAt(0); // the Gather that feeds the LSTM's input chain
        var e = Assert.Throws<EuterpeException>(() => OnnxGraphChecks.Validate(model, "m.onnx"));
        Assert.StartsWith("m.onnx: node \"Unsqueeze_0\" (Unsqueeze) reads \"Gather_0\"", e.Message);
    }

    [Fact]
    public void NodesOutOfOrderAreFound()
    {
        var model = TestModels.Build("mlp");
        model.Graph.Nodes.Reverse();
        Assert.Contains("which no graph input, initializer or earlier node defines", OnnxGraphChecks.FirstProblem(model));
    }

    [Fact]
    public void MissingOutputAndDoubleDefinitionAreFound()
    {
        var g = new OnnxGraphBuilder("g");
        var x = g.Input("x", TensorElementType.Float, [1]);
        g.Output(g.Relu(x), "y", TensorElementType.Float, [1]);
        var model = g.ToModel();
        model.Graph.Outputs.Add(new TensorInfo("z", TensorElementType.Float, [1]));
        Assert.Equal("graph output \"z\" is not produced by any node, input or initializer", OnnxGraphChecks.FirstProblem(model));

        model.Graph.Outputs.RemoveAt(1);
        model.Graph.Nodes.Add(new OnnxNode { OpType = "Relu", Name = "again", Inputs = ["x"], Outputs = ["y"] });
        Assert.Equal("node \"again\" (Relu) defines \"y\", which is already defined", OnnxGraphChecks.FirstProblem(model));
    }
}
