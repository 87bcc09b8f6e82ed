using System.Runtime.InteropServices;
using System.Text;

namespace Euterpe.Core.Inference;

/// <summary>An array of NUL-terminated UTF-8 strings in native memory, as the C API takes names (const char* const*).</summary>
internal sealed unsafe class NativeUtf8Strings : IDisposable
{
    private readonly int _count;

    public NativeUtf8Strings(IEnumerable<string> strings)
    {
        var list = strings.ToArray();
        _count = list.Length;
        Pointers = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(1, _count), (nuint)sizeof(nint));
        for (var i = 0; i < _count; i++)
        {
            var length = System.Text.Encoding.UTF8.GetByteCount(list[i]);
            var p = (byte*)NativeMemory.Alloc((nuint)length + 1);
            System.Text.Encoding.UTF8.GetBytes(list[i], new Span<byte>(p, length));
            p[length] = 0;
            Pointers[i] = p;
        }
    }

    public byte** Pointers { get; private set; }

    public void Dispose()
    {
        if (Pointers == null) return;
        for (var i = 0; i < _count; i++) NativeMemory.Free(Pointers[i]);
        NativeMemory.Free(Pointers);
        Pointers = null;
    }
}
