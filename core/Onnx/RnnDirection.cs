namespace Euterpe.Core.Onnx;

/// <summary>The <c>direction</c> attribute of ONNX's RNN, GRU and LSTM operators.</summary>
public enum RnnDirection
{
    Forward,
    Reverse,
    Bidirectional,
}
