using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>A <see cref="MemoryBStream"/> handed to a plug-in for one call; our reference is dropped on dispose.</summary>
internal sealed class StreamLease(ReadOnlySpan<byte> initial) : IDisposable
{
    public MemoryBStream Stream { get; } = new(initial);

    public nint Pointer => Stream.InterfacePointer();

    public void Dispose() => Stream.Release();
}
