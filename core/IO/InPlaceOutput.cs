using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Euterpe.Core.IO;

/// <summary>
/// Opens a character device or FIFO for writing in place. A FIFO's plain open blocks until a process opens it for
/// reading, forever when none does; here it is opened non-blocking (ENXIO: no reader yet) and retried for
/// <see cref="ReaderWait"/>, then refused with one line. Once open it is made blocking again, so writes wait for a slow
/// reader instead of failing with EAGAIN.
/// </summary>
public static partial class InPlaceOutput
{
    /// <summary>How long a FIFO output waits for a process to read it.</summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(50);
    private const int WriteOnly = 0x1, NonBlocking = 0x800, CloseOnExec = 0x80000;
    private const int GetFlags = 3, SetFlags = 4;
    private const int NoReader = 6, Interrupted = 4; // ENXIO, EINTR

    /// <summary>A stream writing into <paramref name="path"/>; failures are one-line <see cref="EuterpeException"/>s naming it.</summary>
    public static Stream Open(string path, FileKind kind)
    {
        try
        {
            if (kind != FileKind.Fifo || !OperatingSystem.IsLinux())
                return new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            return new FileStream(OpenFifo(path), FileAccess.Write, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AtomicFile.CannotWrite(path, e, null);
        }
    }

    private static SafeFileHandle OpenFifo(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var fd = Open(path, WriteOnly | NonBlocking | CloseOnExec);
            if (fd >= 0)
            {
                var handle = new SafeFileHandle(fd, ownsHandle: true);
                var flags = Fcntl(fd, GetFlags, 0);
                if (flags < 0 || Fcntl(fd, SetFlags, flags & ~NonBlocking) < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    handle.Dispose();
                    throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
                }
                return handle;
            }
            var error = Marshal.GetLastPInvokeError();
            if (error == Interrupted) continue;
            if (error != NoReader) throw new IOException(Marshal.GetPInvokeErrorMessage(error));
            if (clock.Elapsed >= ReaderWait) throw new EuterpeException($"{path}: no process reads this FIFO");
            Thread.Sleep(RetryEvery);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);
}
