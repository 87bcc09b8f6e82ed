using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>Keeps a SafeHandle's native object alive (DangerousAddRef) until disposed, whoever else disposes the handle.</summary>
internal sealed class SafeHandleLease : IDisposable
{
    private SafeHandle? _handle;

    public SafeHandleLease(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        if (added) _handle = handle;
    }

    public void Dispose()
    {
        _handle?.DangerousRelease();
        _handle = null;
    }
}
