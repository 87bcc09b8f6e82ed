using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>Allocates a vtable in native memory (once per interface, never freed) with FUnknown's three slots filled.</summary>
public static unsafe class VtableBuilder
{
    public const int FUnknownSlots = 3;

    public static nint* Create(int slotCount)
    {
        var table = (nint*)NativeMemory.AllocZeroed((nuint)(slotCount * sizeof(nint)));
        FUnknownThunks.Fill(table);
        return table;
    }
}
