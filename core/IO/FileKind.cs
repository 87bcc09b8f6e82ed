using System.Runtime.InteropServices;

namespace Euterpe.Core.IO;

/// <summary>
/// What a path names, asked of the kernel without opening it (opening a FIFO blocks until a writer comes): a regular
/// file, a directory, a device, a FIFO or a socket, with the size it reports. Linux's statx(2), whose record has one
/// layout on every architecture; where it is missing, .NET's own view (regular unless a directory).
/// </summary>
internal readonly partial record struct FileKind(string? NotRegular, long Size)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;
    private const int ModeOffset = 28, SizeOffset = 40, RecordSize = 256;

    /// <summary>The kind of <paramref name="path"/> (symbolic links followed); null when there is no such file.</summary>
    public static FileKind? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return FromStatx(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: .NET's view below.
            }
        }
        return DotNetView(path);
    }

    // Where the kernel was not asked (or said no, as for a folder without search permission): opening tells the rest.
    private static FileKind? DotNetView(string path)
    {
        if (Directory.Exists(path)) return new FileKind("a directory", 0);
        var info = new FileInfo(path);
        return info.Exists ? new FileKind(null, info.Length) : null;
    }

    private static unsafe FileKind? FromStatx(string path)
    {
        var record = stackalloc byte[RecordSize];
        if (Statx(AtFdCwd, path, 0, StatxType | StatxSize, record) != 0) return DotNetView(path);
        var mode = *(ushort*)(record + ModeOffset);
        var size = *(long*)(record + SizeOffset);
        string? kind = (mode & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            _ => "an unknown kind of file",
        };
        return new FileKind(kind, size);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* record);
}
