using System.Buffers.Binary;
using Euterpe.Core;

namespace Euterpe.Host;

/// <summary>
/// Looks at a plug-in's .so before it is dlopened. dlopen maps the file's segments and the process dies of SIGBUS
/// when one reaches past the end of a truncated file, so everything the loader will touch must lie inside the file:
/// a regular, non-empty file, a 64-bit little-endian x86-64 ELF shared object header, the program and section header
/// tables, and the bytes of every segment and section. A file that fails is one error line, never a crash.
/// </summary>
public static class ElfLibraryCheck
{
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const int SectionHeaderSize = 64;
    private const ushort SharedObject = 3;
    private const ushort X86_64 = 62;
    private const uint NoBits = 8;

    /// <summary>Throws <see cref="EuterpeException"/> <c>PATH: not a loadable ELF shared library (why)</c> unless the file passes.</summary>
    public static void Check(string path)
    {
        var problem = Problem(path);
        if (problem is not null) throw new EuterpeException($"{path}: not a loadable ELF shared library ({problem})");
    }

    /// <summary>Why <paramref name="path"/> cannot be loaded safely, or null when it can.</summary>
    public static string? Problem(string path)
    {
        var info = new FileInfo(path);
        // A link is judged by what it finally points at (its own length is that of the name it holds).
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target) info = new FileInfo(target.FullName);
        if (Directory.Exists(info.FullName)) return "a directory";
        if (!info.Exists) return "not found";
        // Devices and pipes show length 0; opening a pipe would wait for a writer, so they are refused unopened.
        if (info.Length == 0) return "empty, or not a regular file";
        if (info.Length < HeaderSize) return $"{info.Length} bytes, shorter than an ELF header";
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return Inspect(file, RandomAccess.GetLength(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read it: {e.Message}";
        }
    }

    private static string? Inspect(Microsoft.Win32.SafeHandles.SafeFileHandle file, long size)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (RandomAccess.Read(file, header, 0) < HeaderSize) return "shorter than an ELF header";
        if (header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F') return "no ELF magic number";
        if (header[4] != 2) return "not a 64-bit ELF file";
        if (header[5] != 1) return "not a little-endian ELF file";
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[16..]) != SharedObject) return "not a shared object";
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[18..]) != X86_64) return "not built for x86-64";
        var programOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        var sectionOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[40..]);
        var programEntry = BinaryPrimitives.ReadUInt16LittleEndian(header[54..]);
        var programCount = BinaryPrimitives.ReadUInt16LittleEndian(header[56..]);
        var sectionEntry = BinaryPrimitives.ReadUInt16LittleEndian(header[58..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(header[60..]);
        if (programCount == 0) return "no program headers";
        if (programEntry != ProgramHeaderSize) return $"program header size {programEntry}, not {ProgramHeaderSize}";
        if (!Inside(programOffset, (ulong)programCount * ProgramHeaderSize, size))
            return $"program header table at {programOffset} runs past the end of the {size}-byte file (truncated?)";
        var table = new byte[programCount * ProgramHeaderSize];
        RandomAccess.Read(file, table, (long)programOffset);
        for (var i = 0; i < programCount; i++)
        {
            var entry = table.AsSpan(i * ProgramHeaderSize, ProgramHeaderSize);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            if (!Inside(offset, length, size)) return $"segment {i} ({length} bytes at {offset}) runs past the end of the {size}-byte file (truncated?)";
        }
        if (sectionOffset == 0 || sectionCount == 0) return null;
        if (sectionEntry != SectionHeaderSize) return $"section header size {sectionEntry}, not {SectionHeaderSize}";
        if (!Inside(sectionOffset, (ulong)sectionCount * SectionHeaderSize, size))
            return $"section header table at {sectionOffset} runs past the end of the {size}-byte file (truncated?)";
        var sections = new byte[sectionCount * SectionHeaderSize];
        RandomAccess.Read(file, sections, (long)sectionOffset);
        for (var i = 0; i < sectionCount; i++)
        {
            var entry = sections.AsSpan(i * SectionHeaderSize, SectionHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]) == NoBits) continue;
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry[24..]);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            if (!Inside(offset, length, size)) return $"section {i} ({length} bytes at {offset}) runs past the end of the {size}-byte file (truncated?)";
        }
        return null;
    }

    /// <summary>[offset, offset + length) lies inside a file of <paramref name="size"/> bytes (no overflow).</summary>
    private static bool Inside(ulong offset, ulong length, long size) => offset <= (ulong)size && length <= (ulong)size - offset;
}
