namespace Euterpe.Core.Onnx;

/// <summary>
/// One direction of an ONNX LSTM/GRU's weights, already in ONNX gate order: W [1, gates·H, input],
/// R [1, gates·H, H] and B [1, 2·gates·H] (input biases, then recurrent biases).
/// </summary>
public sealed record RecurrentWeights(float[] W, float[] R, float[] B, long[] WShape, long[] RShape, long[] BShape);
