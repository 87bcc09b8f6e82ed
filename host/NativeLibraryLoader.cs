using System.Runtime.InteropServices;

namespace Euterpe.Host;

/// <summary>dlopen/dlsym/dlerror from libc, so a failed load can say what the dynamic linker said.</summary>
internal static unsafe partial class NativeLibraryLoader
{
    private const int RtldNow = 2;
    private const int RtldLocal = 0;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dlsym", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlSym(nint handle, string name);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial byte* DlError();

    public static nint Open(string path, out string error)
    {
        DlError();
        var handle = DlOpen(path, RtldNow | RtldLocal);
        error = handle == 0 ? LastError() : "";
        return handle;
    }

    public static nint Symbol(nint handle, string name) => DlSym(handle, name);

    private static string LastError()
    {
        var message = DlError();
        return message == null ? "dlopen failed" : Marshal.PtrToStringUTF8((nint)message) ?? "dlopen failed";
    }
}
