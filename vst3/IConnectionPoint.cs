namespace Euterpe.Vst3;

/// <summary>Managed side of IConnectionPoint (ivstmessage.h).</summary>
public interface IConnectionPoint
{
    int Connect(nint other);
    int Disconnect(nint other);
    int Notify(nint message);
}
