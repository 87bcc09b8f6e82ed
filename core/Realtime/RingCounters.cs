using System.Runtime.InteropServices;

namespace Euterpe.Core.Realtime;

/// <summary>
/// Head and tail counters of <see cref="SpscQueue{T}"/>, each on its own cache line so the producer
/// and consumer threads do not false-share. (Explicit layout is not allowed inside a generic type.)
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct RingCounters
{
    [FieldOffset(64)] public long Head;
    [FieldOffset(128)] public long Tail;
}
