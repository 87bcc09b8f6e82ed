namespace Euterpe.Core.Onnx;

/// <summary>
/// The three outputs of an ONNX LSTM:
/// all hidden states Y, the last hidden state Y_h and the last cell state Y_c.
/// </summary>
public readonly record struct RecurrentOutputs(OnnxValue Sequence, OnnxValue LastHidden, OnnxValue? LastCell);
