using System.Text.Json;
using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Tests.Onnx;

public class OnnxRoundTripTests
{
    [Fact]
    public void ReaderReadsWhatPythonOnnxHelperWrites()
    {
        using var dir = new TempFolder();
        var path = dir.File("python.onnx");
        PythonRunner.RunCode("""
            import sys, numpy as np, onnx
            from onnx import helper, TensorProto, numpy_helper
            x = helper.make_tensor_value_info("tokens", TensorProto.INT64, ["batch", 3])
            y = helper.make_tensor_value_info("out", TensorProto.FLOAT, ["batch", 2])
            w = helper.make_tensor("W", TensorProto.FLOAT, [3, 2], [0.5, -1.25, 2.0, 3.5, -0.75, 8.0])
            b = numpy_helper.from_array(np.array([1.5, -2.5], dtype=np.float32), "B")
            idx = helper.make_tensor("idx", TensorProto.INT64, [2], [7, -9])
            i32 = helper.make_tensor("i32", TensorProto.INT32, [3], [1, -2, 3])
            d = helper.make_tensor("d", TensorProto.DOUBLE, [1], [2.25])
            nodes = [helper.make_node("Cast", ["tokens"], ["xf"], to=TensorProto.FLOAT, name="cast"),
                     helper.make_node("MatMul", ["xf", "W"], ["xw"]),
                     helper.make_node("Add", ["xw", "B"], ["out"]),
                     helper.make_node("Transpose", ["W"], ["wt"], perm=[1, 0]),
                     helper.make_node("LeakyRelu", ["wt"], ["unused"], alpha=0.25)]
            g = helper.make_graph(nodes, "py_graph", [x], [y], [w, b, idx, i32, d])
            m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)], producer_name="pytest")
            m.ir_version = 8
            helper.set_model_props(m, {"euterpe.id": "py-model", "note": "two words"})
            onnx.checker.check_model(m)
            onnx.save(m, sys.argv[1])
            """, path);

        var model = OnnxModel.Load(path);

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("pytest", model.ProducerName);
        Assert.Equal(17, model.DefaultDomainOpset);
        Assert.Equal("py-model", model.MetadataValue("euterpe.id"));
        Assert.Equal("two words", model.MetadataValue("note"));
        Assert.Equal("py_graph", model.Graph.Name);
        var input = Assert.Single(model.Graph.RuntimeInputs());
        Assert.Equal("tokens", input.Name);
        Assert.Equal(TensorElementType.Int64, input.ElementType);
        Assert.Equal([-1L, 3L], input.Shape);
        Assert.Equal("batch", input.DimensionNames![0]);
        var output = Assert.Single(model.Graph.Outputs);
        Assert.Equal(("out", TensorElementType.Float), (output.Name, output.ElementType));
        Assert.Equal([0.5f, -1.25f, 2.0f, 3.5f, -0.75f, 8.0f], model.Graph.Initializer("W")!.ToFloats());
        Assert.Equal([3L, 2L], model.Graph.Initializer("W")!.Dims);
        Assert.Equal([1.5f, -2.5f], model.Graph.Initializer("B")!.ToFloats());
        Assert.Equal([7L, -9L], model.Graph.Initializer("idx")!.ToInt64s());
        Assert.Equal([1, -2, 3], model.Graph.Initializer("i32")!.ToInt32s());
        Assert.Equal([2.25], model.Graph.Initializer("d")!.ToDoubles());
        Assert.Equal(["Cast", "MatMul", "Add", "Transpose", "LeakyRelu"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal("cast", model.Graph.Nodes[0].Name);
        Assert.Equal((long)TensorElementType.Float, model.Graph.Nodes[0].Attribute("to")!.Int);
        Assert.Equal([1L, 0L], model.Graph.Nodes[3].Attribute("perm")!.Ints);
        Assert.Equal(0.25f, model.Graph.Nodes[4].Attribute("alpha")!.Float);
        Assert.Equal(["xf", "W"], model.Graph.Nodes[1].Inputs);
    }

    [Fact]
    public void PythonOnnxReadsWhatWeWrite()
    {
        using var dir = new TempFolder();
        var path = dir.File("lstm.onnx");
        var model = TestModels.LstmStep();
        model.Save(path);

        var json = PythonRunner.RunCode("""
            import sys, json, onnx
            from onnx import numpy_helper
            m = onnx.load(sys.argv[1])
            def info(v):
                t = v.type.tensor_type
                return {"name": v.name, "type": t.elem_type,
                        "dims": [d.dim_param if d.HasField("dim_param") else d.dim_value for d in t.shape.dim]}
            out = {"ir": m.ir_version, "opset": [[o.domain, o.version] for o in m.opset_import],
                   "metadata": {p.key: p.value for p in m.metadata_props},
                   "graph": m.graph.name,
                   "inputs": [info(v) for v in m.graph.input], "outputs": [info(v) for v in m.graph.output],
                   "initializers": {t.name: {"dims": list(t.dims), "values": numpy_helper.to_array(t).ravel().tolist()} for t in m.graph.initializer},
                   "nodes": [[n.op_type, list(n.input), list(n.output), {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}] for n in m.graph.node]}
            for n in out["nodes"]:
                n[3] = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in n[3].items()}
            print(json.dumps(out))
            """, path);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal(8, root.GetProperty("ir").GetInt64());
        var opset = Assert.Single(root.GetProperty("opset").EnumerateArray());
        Assert.Equal("", opset[0].GetString());
        Assert.Equal(17, opset[1].GetInt64());
        Assert.Equal("event-rnn", root.GetProperty("metadata").GetProperty("euterpe.family").GetString());
        Assert.Equal("event_rnn", root.GetProperty("graph").GetString());
        Assert.Equal(["token", "h0", "c0"], root.GetProperty("inputs").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["logits", "h1", "c1"], root.GetProperty("outputs").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        var h0 = root.GetProperty("inputs")[1];
        Assert.Equal((int)TensorElementType.Float, h0.GetProperty("type").GetInt32());
        Assert.Equal([1L, 1L, TestModels.Hidden], h0.GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()));

        var initializers = root.GetProperty("initializers");
        foreach (var tensor in model.Graph.Initializers.Where(t => t.ElementType == TensorElementType.Float))
        {
            var seen = initializers.GetProperty(tensor.Name);
            Assert.Equal(tensor.Dims, seen.GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()));
            Assert.Equal(tensor.ToFloats(), seen.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()));
        }

        var lstm = root.GetProperty("nodes").EnumerateArray().Single(n => n[0].GetString() == "LSTM");
        Assert.Equal(7, lstm[1].GetArrayLength()); // X W R B "" initial_h initial_c; trailing P omitted
        Assert.Equal("", lstm[1][4].GetString());
        Assert.Equal("h0", lstm[1][5].GetString());
        Assert.Equal("c0", lstm[1][6].GetString());
        Assert.Equal("h1", lstm[2][1].GetString());
        Assert.Equal("c1", lstm[2][2].GetString());
        Assert.Equal(TestModels.Hidden, lstm[3].GetProperty("hidden_size").GetInt64());
        Assert.Equal("forward", lstm[3].GetProperty("direction").GetString());
        Assert.Equal(0, lstm[3].GetProperty("layout").GetInt64());
    }

    [Theory]
    [MemberData(nameof(OnnxCheckerTests.ModelNames), MemberType = typeof(OnnxCheckerTests))]
    public void OurBytesAreWhatProtobufItselfSerialises(string name)
    {
        // Python's protobuf re-serialises fields in field-number order; equal bytes mean our encoding is canonical.
        using var dir = new TempFolder();
        var path = dir.File(name + ".onnx");
        var bytes = TestModels.Build(name).ToByteArray();
        File.WriteAllBytes(path, bytes);
        var verdict = PythonRunner.RunCode("import onnx,sys; b=open(sys.argv[1],'rb').read(); print('same' if onnx.load_from_string(b).SerializeToString()==b else 'different')", path);
        Assert.Equal("same", verdict.Trim());
    }

    [Theory]
    [MemberData(nameof(OnnxCheckerTests.ModelNames), MemberType = typeof(OnnxCheckerTests))]
    public void ReaderReadsBackWhatWriterWrote(string name)
    {
        var original = TestModels.Build(name);
        var read = OnnxModel.Parse(original.ToByteArray());
        Assert.Equal(original.ToByteArray(), read.ToByteArray());
        Assert.Equal(original.Graph.Inputs.Select(i => i.ToString()), read.Graph.Inputs.Select(i => i.ToString()));
        Assert.Equal(original.Graph.Outputs.Select(i => i.ToString()), read.Graph.Outputs.Select(i => i.ToString()));
        Assert.Equal(original.Graph.Nodes.Select(n => n.ToString()), read.Graph.Nodes.Select(n => n.ToString()));
    }
}
