namespace Euterpe.Core.Onnx;

// Arithmetic and activations (opset 17 forms): the operators the exported families use.
public sealed partial class OnnxGraphBuilder
{
    public OnnxValue MatMul(OnnxValue a, OnnxValue b) => One("MatMul", [a, b]);
    public OnnxValue Add(OnnxValue a, OnnxValue b) => One("Add", [a, b]);
    public OnnxValue Sub(OnnxValue a, OnnxValue b) => One("Sub", [a, b]);
    public OnnxValue Mul(OnnxValue a, OnnxValue b) => One("Mul", [a, b]);
    public OnnxValue Div(OnnxValue a, OnnxValue b) => One("Div", [a, b]);
    public OnnxValue Relu(OnnxValue x) => One("Relu", [x]);
}
