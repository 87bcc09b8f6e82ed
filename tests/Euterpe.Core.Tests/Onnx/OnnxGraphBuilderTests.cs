using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

public class OnnxGraphBuilderTests
{
    [Fact]
    public void GeneratedNamesAreUniqueAcrossNodesAndValues()
    {
        var g = new OnnxGraphBuilder("names");
        var x = g.Input("Relu_0", TensorElementType.Float, [2]); // collides with the first generated node output name
        var a = g.Relu(x);
        var b = g.Relu(a);
        var s1 = g.Int64s(2);
        var s2 = g.Int64s(3);
        var graph = g.ToGraph();

        var values = graph.Inputs.Select(i => i.Name).Concat(graph.Initializers.Select(t => t.Name)).Concat(graph.Nodes.SelectMany(n => n.Outputs)).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal(graph.Nodes.Count, graph.Nodes.Select(n => n.Name).Distinct().Count());
        Assert.NotEqual(a.Name, x.Name);
        Assert.NotEqual(s1.Name, s2.Name);
        Assert.Equal(a.Name, graph.Nodes[1].Inputs[0]);
        Assert.Equal(b.Name, graph.Nodes[1].Outputs[0]);
    }

    [Fact]
    public void ExplicitDuplicateNameIsRefused()
    {
        var g = new OnnxGraphBuilder("dup");
        g.Input("x", TensorElementType.Float, [1]);
        var e = Assert.Throws<ArgumentException>(() => g.Initializer("x", [1f], [1]));
        Assert.Contains("already has a value named \"x\"", e.Message);
    }

    [Fact]
    public void OutputRenamesInPlaceAndOldHandlesFollow()
    {
        var g = new OnnxGraphBuilder("rename");
        var x = g.Input("x", TensorElementType.Float, [2]);
        var hidden = g.Node("Tanh", [x])[0];
        g.Output(hidden, "h", TensorElementType.Float, [2]);
        var next = g.Relu(hidden); // the old handle must now mean "h"
        g.Output(next, "y", TensorElementType.Float, [2]);
        g.Output(x, "x_copy", TensorElementType.Float, [2]); // an input cannot be renamed: Identity

        var nodes = g.ToGraph().Nodes;
        Assert.Equal(["Tanh", "Relu", "Identity"], nodes.Select(n => n.OpType));
        Assert.Equal(["h"], nodes[0].Outputs);
        Assert.Equal(["h"], nodes[1].Inputs);
        Assert.Equal(["y"], nodes[1].Outputs);
        Assert.Equal(["x"], nodes[2].Inputs);
        Assert.Equal(["x_copy"], nodes[2].Outputs);
    }

    [Fact]
    public void OmittedOptionalInputsAreEmptyInsideAndDroppedAtTheEnd()
    {
        var g = new OnnxGraphBuilder("lstm");
        var x = g.Input("x", TensorElementType.Float, [1, 1, 2]);
        var lstm = g.Lstm(x, g.Initializer("W", new float[24], [1, 12, 2]), g.Initializer("R", new float[36], [1, 12, 3]), null, 3,
            initialC: g.Input("c0", TensorElementType.Float, [1, 1, 3]));
        var node = Assert.Single(g.ToGraph().Nodes);
        Assert.Equal(["x", "W", "R", "", "", "", "c0"], node.Inputs);
        Assert.Equal(3, node.Outputs.Count);
        Assert.Equal(node.Outputs[2], lstm.LastCell!.Value.Name);
    }

    [Fact]
    public void TensorShapeMustMatchItsData()
    {
        var e = Assert.Throws<ArgumentException>(() => OnnxTensor.FromFloats("w", [1f, 2f, 3f], [2, 2]));
        Assert.Contains("needs 4 elements but 3 were given", e.Message);
    }

    [Fact]
    public void OpsetOutsideTheHelpersFormsIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxGraphBuilder("old", 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxGraphBuilder("new", 18));
        Assert.Equal(new OnnxOpset("", 14), Assert.Single(new OnnxGraphBuilder("ok", 14).ToModel().Opsets));
    }

    [Fact]
    public void GeneratedConstantsLeavePlainNamesFreeForOutputs()
    {
        var g = new OnnxGraphBuilder("plain");
        var x = g.Input("x", TensorElementType.Float, [2, 3]);
        var y = g.Reshape(g.Unsqueeze(x, 0), 3, 2);
        g.Output(g.Node("Shape", [y])[0], "shape", TensorElementType.Int64, [2]);
        g.Output(g.Squeeze(g.Unsqueeze(y, 0), 0), "axes", TensorElementType.Float, [3, 2]);
        Assert.Equal(["shape", "axes"], g.ToGraph().Outputs.Select(o => o.Name));
        Assert.Null(OnnxGraphChecks.FirstProblem(g.ToModel()));
    }
}
