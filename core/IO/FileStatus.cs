using System.Runtime.InteropServices;

namespace Euterpe.Core.IO;

/// <summary>
/// What <c>stat(2)</c> says of a path, symbolic links followed: its kind and its identity (device and inode), so two
/// paths can be told to be the same file however they are spelled, through links or hard links. Where <c>stat</c> is
/// not available (not 64-bit Linux) the kind comes from .NET and the identity is the full path.
/// </summary>
public readonly partial record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    private const int StatBufferBytes = 256; // struct stat is 144 bytes on x86-64, 128 on arm64

    /// <summary>The status of <paramref name="path"/>; <see cref="FileKind.Missing"/> when it (or its link's target) does not exist.</summary>
    public static FileStatus Of(string path)
    {
        if (ModeOffset() is not { } modeOffset) return Fallback(path);
        Span<byte> buffer = stackalloc byte[StatBufferBytes];
        unsafe
        {
            fixed (byte* b = buffer)
            {
                if (NativeStat(path, b) != 0) return new FileStatus(FileKind.Missing, 0, 0);
            }
        }
        // dev_t and ino_t lead struct stat on both 64-bit layouts; st_mode follows st_nlink on x86-64, precedes it on arm64.
        var device = BitConverter.ToUInt64(buffer[..8]);
        var inode = BitConverter.ToUInt64(buffer[8..16]);
        var mode = BitConverter.ToUInt32(buffer.Slice(modeOffset, 4));
        return new FileStatus(KindOf(mode), device, inode);
    }

    private static int? ModeOffset()
    {
        if (!OperatingSystem.IsLinux()) return null;
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => null,
        };
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
        var kind = Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        var full = Path.GetFullPath(path);
        var resolved = kind == FileKind.Missing ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        return new FileStatus(kind, 0, (ulong)StringComparer.Ordinal.GetHashCode(resolved));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int NativeStat(string path, byte* buffer);
}
