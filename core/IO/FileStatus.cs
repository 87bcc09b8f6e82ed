using System.Runtime.InteropServices;

namespace Euterpe.Core.IO;

/// <summary>
/// What the kernel says of a path without opening it (opening a FIFO blocks until a writer comes), symbolic links
/// followed: its kind, its size, and its identity (device and inode), so two paths can be told to be the same file
/// however they are spelled, through links or hard links. Linux's statx(2), whose record has one layout on every
/// architecture; where it is missing or refuses (a folder without search permission), .NET's view: the kind from
/// File/Directory.Exists and the resolved full path as the identity.
/// </summary>
public readonly partial record struct FileStatus(FileKind Kind, long Size, ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxIno = 0x100, StatxSize = 0x200;
    private const int ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, DevMajorOffset = 136, DevMinorOffset = 140;
    private const int RecordSize = 256;
    private const int NoSuchFile = 2, NotADirectory = 20;

    /// <summary>The status of <paramref name="path"/>; <see cref="FileKind.Missing"/> when it (or its link's target) does not exist.</summary>
    public static FileStatus Of(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return new FileStatus(FileKind.Missing, 0, 0, 0);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (FromStatx(path) is { } status) return status;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: .NET's view below.
            }
        }
        return Fallback(path);
    }

    private static unsafe FileStatus? FromStatx(string path)
    {
        var record = stackalloc byte[RecordSize];
        if (Statx(AtFdCwd, path, 0, StatxType | StatxIno | StatxSize, record) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchFile or NotADirectory ? new FileStatus(FileKind.Missing, 0, 0, 0) : null;
        }
        var mode = *(ushort*)(record + ModeOffset);
        var device = ((ulong)*(uint*)(record + DevMajorOffset) << 32) | *(uint*)(record + DevMinorOffset);
        return new FileStatus(KindOf(mode), *(long*)(record + SizeOffset), device, *(ulong*)(record + InodeOffset));
    }

    private static FileKind KindOf(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Regular,
    };

    private static FileStatus Fallback(string path)
    {
        var info = new FileInfo(path);
        var kind = Directory.Exists(path) ? FileKind.Directory : info.Exists ? FileKind.Regular : FileKind.Missing;
        var full = Path.GetFullPath(path);
        string resolved;
        try
        {
            resolved = kind == FileKind.Missing ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            resolved = full;
        }
        return new FileStatus(kind, kind == FileKind.Regular ? info.Length : 0, 0, (ulong)StringComparer.Ordinal.GetHashCode(resolved));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* record);
}
