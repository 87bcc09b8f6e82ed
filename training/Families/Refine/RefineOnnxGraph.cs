using Euterpe.Core.Onnx;
using Euterpe.Core.Tensors;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// A refine net as one ONNX step with its state carried by the caller: one note's features float [1, 1, F] → the
/// LSTM's layers (<see cref="LstmStepNodes"/>) → MatMul + Add → the correction [1, O].
/// </summary>
public static class RefineOnnxGraph
{
    public const string FrameInput = "features";
    public const string FrameOutput = "correction";

    public static OnnxModel Build(RefineModel model, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var config = model.Config;
        var (inputs, outputs) = (Core.Families.Refine.RefineNetKinds.Inputs(config.Kind), Core.Families.Refine.RefineNetKinds.Outputs(config.Kind));
        var b = new OnnxGraphBuilder(config.Family.Replace('-', '_') + "_step");
        var x = b.Input(FrameInput, TensorElementType.Float, [1, 1, inputs]);
        var y = LstmStepNodes.Add(b, model.lstm, "lstm", config.Layers, config.Hidden, 0, x);
        var correction = LinearNodes.Add(b, "output", model.output, b.Reshape(y, 1, config.Hidden));
        b.Output(correction, FrameOutput, TensorElementType.Float, [1, outputs]);
        return b.ToModel(metadata, docString: $"{config.Family}: one note through a {config.Layers}×{config.Hidden} LSTM");
    }
}
