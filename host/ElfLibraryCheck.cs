using System.Buffers.Binary;
using Euterpe.Core;
using Euterpe.Core.IO;
using Microsoft.Win32.SafeHandles;

namespace Euterpe.Host;

/// <summary>
/// Looks at a plug-in's .so before it is dlopened, for what glibc's loader trusts without checking. It maps the file's
/// segments and the process dies of SIGBUS when one reaches past the end of a truncated file; it maps each PT_LOAD over
/// the span it reserved from the first one's address to the last one's end, so a segment out of order, or with more
/// file than memory bytes, is mapped over the process's own memory (a few flipped bits in a program header, and
/// SIGSEGV); it reads the dynamic table, the TLS image, the RELRO range and the other segments at their addresses.
/// So: a regular, non-empty file; a 64-bit little-endian x86-64 ELF shared object header; program and section header
/// tables inside the file; loadable segments in address order, aligned, each inside the file; every other segment the
/// loader reads inside a loadable one, where its file bytes are; the dynamic table's addresses inside the loaded
/// image; and (when the file keeps section headers) every allocated section loaded where its bytes are, code in an
/// executable segment, written data in a writable one, thread-local data in the TLS segment. A file that fails is one
/// error line, never a crash.
/// </summary>
public static class ElfLibraryCheck
{
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const int SectionHeaderSize = 64;
    private const ushort SharedObject = 3;
    private const ushort X86_64 = 62;
    private const uint NoBits = 8;
    private const ulong PageSize = 4096;
    /// <summary>The end of x86-64 user space (47-bit addresses): a segment beyond it cannot be mapped.</summary>
    private const ulong UserSpaceEnd = 1UL << 47;
    private const ulong MaxThreadLocalSize = 64UL << 20;
    private const int DynamicEntrySize = 16;
    private const ulong MaxDynamicSize = 1 << 20;
    private const uint Load = 1, Dynamic = 2, Interp = 3, Note = 4, Phdr = 6, Tls = 7;
    private const uint GnuEhFrame = 0x6474e550, GnuRelro = 0x6474e552, GnuProperty = 0x6474e553;
    private const uint Executable = 1, Writable = 2, Readable = 4;
    private const ulong SectionWrite = 1, SectionAlloc = 2, SectionExecutable = 4, SectionTls = 0x400;

    /// <summary>Dynamic tags whose value is an address in the library (DT_PLTGOT, DT_HASH, DT_STRTAB, DT_SYMTAB, DT_RELA, DT_INIT,
    /// DT_FINI, DT_REL, DT_JMPREL, DT_INIT_ARRAY, DT_FINI_ARRAY, DT_PREINIT_ARRAY, DT_GNU_HASH, DT_VERSYM, DT_VERDEF, DT_VERNEED).</summary>
    private static readonly HashSet<long> AddressTags = [3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 32, 0x6ffffef5, 0x6ffffff0, 0x6ffffffc, 0x6ffffffe];

    /// <summary>Throws <see cref="EuterpeException"/> <c>PATH: not a loadable ELF shared library (why)</c> unless the file passes.</summary>
    public static void Check(string path)
    {
        var problem = Problem(path);
        if (problem is not null) throw new EuterpeException($"{path}: not a loadable ELF shared library ({problem})");
    }

    /// <summary>Why <paramref name="path"/> cannot be loaded safely, or null when it can.</summary>
    public static string? Problem(string path)
    {
        // Asked of the kernel without opening it, links followed to what they finally point at.
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Directory) return "a directory";
        if (status.Kind == FileKind.Missing) return "not found";
        // Opening a pipe would wait for a writer, so devices and pipes are refused unopened.
        if (status.Kind != FileKind.Regular || status.Size == 0) return "empty, or not a regular file";
        if (status.Size < HeaderSize) return $"{status.Size} bytes, shorter than an ELF header";
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

    private static string? Inspect(SafeFileHandle file, long size)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (RandomAccess.Read(file, header, 0) < HeaderSize) return "shorter than an ELF header";
        if (header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F') return "no ELF magic number";
        if (header[4] != 2) return "not a 64-bit ELF file";
        if (header[5] != 1) return "not a little-endian ELF file";
        if (header[6] != 1 || BinaryPrimitives.ReadUInt32LittleEndian(header[20..]) != 1) return "not ELF version 1";
        if (header[7] is not (0 or 3) || header[8] != 0 || header[9..16].ContainsAnyExcept((byte)0)) return "unknown OS ABI or nonzero identification padding";
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[16..]) != SharedObject) return "not a shared object";
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[18..]) != X86_64) return "not built for x86-64";
        var programOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        var sectionOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[40..]);
        var programEntry = BinaryPrimitives.ReadUInt16LittleEndian(header[54..]);
        var programCount = BinaryPrimitives.ReadUInt16LittleEndian(header[56..]);
        var sectionEntry = BinaryPrimitives.ReadUInt16LittleEndian(header[58..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(header[60..]);
        if (programCount == 0) return "no program headers";
        // 0xFFFF means the real count is elsewhere (PN_XNUM), which glibc does not read.
        if (programCount == ushort.MaxValue) return "65535 program headers";
        if (programEntry != ProgramHeaderSize) return $"program header size {programEntry}, not {ProgramHeaderSize}";
        if (!Inside(programOffset, (ulong)programCount * ProgramHeaderSize, size))
            return $"program header table at {programOffset} runs past the end of the {size}-byte file (truncated?)";
        var table = new byte[programCount * ProgramHeaderSize];
        RandomAccess.Read(file, table, (long)programOffset);
        var segments = new Segment[programCount];
        for (var i = 0; i < programCount; i++)
        {
            var entry = table.AsSpan(i * ProgramHeaderSize, ProgramHeaderSize);
            segments[i] = new Segment(i, BinaryPrimitives.ReadUInt32LittleEndian(entry), BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[48..]));
        }
        return Segments(segments, programOffset, size)
            ?? DynamicTable(file, segments)
            ?? Sections(file, segments, sectionOffset, sectionCount, sectionEntry, size);
    }

    /// <summary>
    /// The program headers as glibc's loader uses them without checking: it reserves the span from the first PT_LOAD
    /// to the end of the last and maps each segment over it at its p_vaddr, so a segment out of order or with more file
    /// than memory bytes is mapped (MAP_FIXED) over whatever else the process has there; PT_DYNAMIC, PT_TLS,
    /// PT_GNU_RELRO, PT_PHDR, PT_NOTE, PT_GNU_EH_FRAME and PT_GNU_PROPERTY are read, copied or mprotected at their
    /// p_vaddr, so each must lie in a loaded segment where its file bytes are.
    /// </summary>
    private static string? Segments(Segment[] segments, ulong programOffset, long size)
    {
        Segment? previous = null;
        var loads = 0;
        var dynamics = 0;
        var tls = 0;
        foreach (var s in segments)
        {
            if (!Inside(s.Offset, s.FileSize, size)) return $"segment {s.Index} ({s.FileSize} bytes at {s.Offset}) runs past the end of the {size}-byte file (truncated?)";
            if (s.Type is not (Load or Dynamic or Tls or Phdr or Note or Interp or GnuEhFrame or GnuRelro or GnuProperty)) continue;
            if (s.FileSize > s.MemorySize) return $"segment {s.Index} has more file bytes ({s.FileSize}) than memory bytes ({s.MemorySize})";
            if (s.Address >= UserSpaceEnd || s.MemorySize >= UserSpaceEnd - s.Address) return $"segment {s.Index} at address 0x{s.Address:x} ({s.MemorySize} bytes) lies outside user space";
            if (s.Type != Load) continue;
            loads++;
            if (!IsPowerOfTwo(s.Alignment)) return $"segment {s.Index}: alignment 0x{s.Alignment:x} is not a power of two";
            if ((s.Address - s.Offset) % PageSize != 0 || (s.Alignment > 1 && (s.Address - s.Offset) % s.Alignment != 0))
                return $"segment {s.Index}: address 0x{s.Address:x} and file offset 0x{s.Offset:x} disagree modulo its alignment";
            if (previous is { } p && s.Address < p.Address + p.MemorySize)
                return $"loadable segment {s.Index} at 0x{s.Address:x} is out of order or overlaps segment {p.Index} (0x{p.Address:x}..0x{p.Address + p.MemorySize:x})";
            previous = s;
        }
        if (loads == 0) return "no loadable segments";
        foreach (var s in segments)
        {
            switch (s.Type)
            {
                case Dynamic: dynamics++; break;
                case Tls: tls++; break;
                case GnuRelro:
                    // glibc makes the pages from p_vaddr to p_vaddr + p_memsz (rounded down) read-only after relocating.
                    if (s.MemorySize == 0) continue;
                    var relro = LoadAt(segments, s.Address, 1, fileBacked: false);
                    if (relro is not { } r || (r.Flags & Writable) == 0 || s.Address + s.MemorySize > AlignUp(r.Address + r.MemorySize))
                        return $"segment {s.Index} (GNU_RELRO at 0x{s.Address:x}) does not lie in a writable loadable segment";
                    continue;
                case Phdr:
                    if (s.Offset != programOffset || s.FileSize != (ulong)segments.Length * ProgramHeaderSize)
                        return $"segment {s.Index} (PHDR) does not describe the program header table";
                    break;
                case Note or Interp or GnuEhFrame or GnuProperty: break;
                default: continue;
            }
            if (s.FileSize > 0 && !Mapped(segments, s.Offset, s.Address, s.FileSize))
                return $"segment {s.Index} (type 0x{s.Type:x}) does not lie in a loadable segment at its file offset";
            if (s.Type == Tls)
            {
                if (!IsPowerOfTwo(s.Alignment) || s.Alignment > PageSize) return $"segment {s.Index} (TLS): alignment 0x{s.Alignment:x} is not a power of two up to {PageSize}";
                if (s.MemorySize > MaxThreadLocalSize) return $"segment {s.Index} (TLS): {s.MemorySize} bytes of thread-local data";
            }
            else if (LoadAt(segments, s.Address, s.MemorySize, fileBacked: false) is null)
                return $"segment {s.Index} (type 0x{s.Type:x}) does not lie in a loadable segment";
        }
        if (dynamics != 1) return $"{dynamics} dynamic segments, not 1";
        if (tls > 1) return $"{tls} TLS segments";
        return null;
    }

    /// <summary>The dynamic table glibc walks to its DT_NULL, relocating and then following the addresses it holds.</summary>
    private static string? DynamicTable(SafeFileHandle file, Segment[] segments)
    {
        var dynamic = segments.First(s => s.Type == Dynamic);
        if (dynamic.FileSize < DynamicEntrySize) return "the dynamic segment is empty";
        var entries = new byte[Math.Min(dynamic.FileSize, MaxDynamicSize)];
        RandomAccess.Read(file, entries, (long)dynamic.Offset);
        for (var at = 0; at + DynamicEntrySize <= entries.Length; at += DynamicEntrySize)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(entries.AsSpan(at));
            var value = BinaryPrimitives.ReadUInt64LittleEndian(entries.AsSpan(at + 8));
            if (tag == 0) return null;
            if (AddressTags.Contains(tag) && LoadAt(segments, value, 1, fileBacked: false) is null)
                return $"dynamic entry {at / DynamicEntrySize} (tag 0x{tag:x}) points at 0x{value:x}, outside the loadable segments";
        }
        return "the dynamic table has no DT_NULL end";
    }

    /// <summary>
    /// The section headers (when the file keeps them) say where the code and data are: every allocated section must be
    /// loaded where its file bytes are, code in an executable segment and written data (relocations) in a writable one,
    /// thread-local data in the TLS segment, else the loader or the library's code faults.
    /// </summary>
    private static string? Sections(SafeFileHandle file, Segment[] segments, ulong sectionOffset, ushort sectionCount, ushort sectionEntry, long size)
    {
        if (sectionOffset == 0 || sectionCount == 0) return null;
        if (sectionEntry != SectionHeaderSize) return $"section header size {sectionEntry}, not {SectionHeaderSize}";
        if (!Inside(sectionOffset, (ulong)sectionCount * SectionHeaderSize, size))
            return $"section header table at {sectionOffset} runs past the end of the {size}-byte file (truncated?)";
        var sections = new byte[sectionCount * SectionHeaderSize];
        RandomAccess.Read(file, sections, (long)sectionOffset);
        Segment? tls = segments.FirstOrDefault(s => s.Type == Tls) is { Type: Tls } found ? found : null;
        ulong tlsImage = 0; // where the thread-local sections with file bytes (.tdata) end, from the TLS segment's start
        var tlsSections = false;
        for (var i = 0; i < sectionCount; i++)
        {
            var entry = sections.AsSpan(i * SectionHeaderSize, SectionHeaderSize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var flags = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var address = BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry[24..]);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            if (type != NoBits && !Inside(offset, length, size)) return $"section {i} ({length} bytes at {offset}) runs past the end of the {size}-byte file (truncated?)";
            if ((flags & SectionAlloc) == 0 || length == 0) continue;
            // Thread-local data is reached through the PT_TLS segment: without one covering it, the code's TLS accesses land elsewhere.
            if ((flags & SectionTls) != 0 && !(tls is { } t && address >= t.Address && length <= t.MemorySize && address - t.Address <= t.MemorySize - length))
                return $"thread-local section {i} (0x{address:x}, {length} bytes) lies outside the TLS segment";
            if ((flags & SectionTls) != 0)
            {
                tlsSections = true;
                if (type != NoBits) tlsImage = Math.Max(tlsImage, address - tls!.Value.Address + length);
            }
            if (type == NoBits && (flags & SectionTls) != 0) continue;
            var load = type == NoBits ? LoadAt(segments, address, length, fileBacked: false) : LoadAt(segments, address, length, fileBacked: true);
            if (load is not { } l || (type != NoBits && offset - l.Offset != address - l.Address))
                return $"section {i} (0x{address:x}, {length} bytes) does not lie in a loadable segment at its file offset";
            var needs = ((flags & SectionExecutable) != 0 ? Executable : Readable) | ((flags & SectionWrite) != 0 ? Writable : 0);
            if ((l.Flags & needs) != needs) return $"section {i} lies in segment {l.Index}, which is not {Permissions(needs)}";
        }
        // Each new thread's TLS block is copied from the segment's file bytes: more than the sections hold copies other
        // data in as initial values (a NativeAOT runtime aborts on them), fewer leaves variables unset.
        if (tlsSections && tls is { } image && image.FileSize != tlsImage)
            return $"segment {image.Index} (TLS): {image.FileSize} bytes of initial thread-local data, where its sections hold {tlsImage}";
        return null;
    }

    /// <summary>The PT_LOAD holding [address, address + length): its file bytes, or its memory (file plus zero fill).</summary>
    private static Segment? LoadAt(Segment[] segments, ulong address, ulong length, bool fileBacked)
    {
        foreach (var s in segments)
        {
            if (s.Type != Load || address < s.Address) continue;
            var extent = fileBacked ? s.FileSize : s.MemorySize;
            if (address - s.Address <= extent && length <= extent - (address - s.Address)) return s;
        }
        return null;
    }

    /// <summary>[address, address + length) is loaded from the file bytes at <paramref name="offset"/>.</summary>
    private static bool Mapped(Segment[] segments, ulong offset, ulong address, ulong length) =>
        LoadAt(segments, address, length, fileBacked: true) is { } load && offset - load.Offset == address - load.Address;

    private static string Permissions(uint flags) =>
        string.Join('+', new[] { (Readable, "readable"), (Writable, "writable"), (Executable, "executable") }.Where(p => (flags & p.Item1) != 0).Select(p => p.Item2));

    private static bool IsPowerOfTwo(ulong value) => (value & (value - 1)) == 0;

    private static ulong AlignUp(ulong value) => (value + PageSize - 1) & ~(PageSize - 1);

    /// <summary>[offset, offset + length) lies inside a file of <paramref name="size"/> bytes (no overflow).</summary>
    private static bool Inside(ulong offset, ulong length, long size) => offset <= (ulong)size && length <= (ulong)size - offset;

    private readonly record struct Segment(int Index, uint Type, uint Flags, ulong Offset, ulong Address, ulong FileSize, ulong MemorySize, ulong Alignment);
}
