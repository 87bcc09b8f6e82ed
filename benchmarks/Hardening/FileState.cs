using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Euterpe.Hardening;

/// <summary>What a path is before and after a run: its type (links not followed) and, for a regular file, a hash of its content.</summary>
internal sealed record FileState(string Path, FileState.Type What, string? Hash)
{
    public enum Type { Missing, Regular, Directory, SymbolicLink, Fifo, Device, Other }

    public static FileState Of(string path)
    {
        var what = TypeOf(path);
        if (what != Type.Regular || path.StartsWith("/proc/", StringComparison.Ordinal)) return new(path, what, null);
        try
        {
            using var stream = File.OpenRead(path);
            return new(path, what, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(path, what, "unreadable");
        }
    }

    /// <summary>A link, FIFO or device: what a command must not replace by a regular file.</summary>
    public bool IsSpecial => What is Type.SymbolicLink or Type.Fifo or Type.Device;

    private static unsafe Type TypeOf(string path)
    {
        if (path.Length == 0) return Type.Missing;
        // struct stat on x86-64 Linux is 144 bytes, st_mode a 32-bit field at offset 24; .NET has no lstat of its own.
        var buffer = stackalloc byte[256];
        if (lstat(path, buffer) != 0) return Type.Missing;
        return (*(uint*)(buffer + 24) & 0xF000) switch
        {
            0x8000 => Type.Regular,
            0x4000 => Type.Directory,
            0xA000 => Type.SymbolicLink,
            0x1000 => Type.Fifo,
            0x2000 or 0x6000 => Type.Device,
            _ => Type.Other,
        };
    }

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int lstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte* buffer);
}
