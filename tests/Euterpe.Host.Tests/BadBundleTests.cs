using System.Buffers.Binary;
using Euterpe.Core;
using Euterpe.TestSupport.Mutants;

namespace Euterpe.Host.Tests;

/// <summary>Broken bundles end in one <c>BUNDLE: step: problem</c> error (exit code 2), never a crash or a hang.</summary>
public class BadBundleTests
{
    [Fact]
    public void A_missing_path_is_reported()
    {
        var e = Assert.Throws<HostException>(() => HostInspector.Describe("/nonexistent/Nothing.vst3"));
        Assert.Equal("/nonexistent/Nothing.vst3: bundle: not found", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void A_folder_without_a_linux_library_is_reported()
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = Path.Combine(dir.Root, "Empty.vst3");
        Directory.CreateDirectory(Path.Combine(bundle, "Contents", "Resources"));
        var e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle));
        Assert.Equal("bundle", e.Step);
        Assert.Contains("Contents/x86_64-linux", e.Problem);

        Directory.CreateDirectory(Path.Combine(bundle, "Contents", "x86_64-linux"));
        e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle));
        Assert.Equal($"{bundle}: bundle: no .so in Contents/x86_64-linux", e.Message);
    }

    [Theory]
    [InlineData("", "empty, or not a regular file")]
    [InlineData("not an ELF file\n", "16 bytes, shorter than an ELF header")]
    [InlineData("garbage that is long enough to fill an ELF header but has no magic number at all\n", "no ELF magic number")]
    public void A_file_that_is_not_a_shared_library_is_refused_before_dlopen(string contents, string problem)
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Text");
        var library = Path.Combine(bundle, "Contents", "x86_64-linux", "Text.so");
        File.WriteAllText(library, contents);
        var e = Assert.Throws<EuterpeException>(() => HostInspector.Describe(bundle));
        Assert.Equal($"{library}: not a loadable ELF shared library ({problem})", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void A_library_that_is_a_directory_is_refused()
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Folder");
        var library = Path.Combine(bundle, "Contents", "x86_64-linux", "Folder.so");
        Directory.CreateDirectory(library);
        var e = Assert.Throws<EuterpeException>(() => HostInspector.Describe(bundle));
        Assert.Equal($"{Path.GetFullPath(library)}: not a loadable ELF shared library (a directory)", e.Message);
    }

    [Fact]
    public void A_library_linked_to_a_device_is_refused_unopened()
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Zero");
        var library = Path.Combine(bundle, "Contents", "x86_64-linux", "Zero.so");
        File.CreateSymbolicLink(library, "/dev/zero");
        var e = Assert.Throws<EuterpeException>(() => HostInspector.Describe(bundle));
        Assert.Equal($"{library}: not a loadable ELF shared library (empty, or not a regular file)", e.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void A_truncated_library_is_refused_instead_of_dying_of_SIGBUS_in_dlopen(double kept)
    {
        // A cut-off copy of our own loader: dlopen maps segments past the end of the file and the process dies of SIGBUS.
        var original = File.ReadAllBytes(Path.Combine(TestData.Bundle(), "Contents", "x86_64-linux", "Euterpe.so"));
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Euterpe");
        var library = Path.Combine(bundle, "Contents", "x86_64-linux", "Euterpe.so");
        File.WriteAllBytes(library, original.AsSpan(0, (int)(original.Length * kept)).ToArray());
        var e = Assert.Throws<EuterpeException>(() => HostInspector.Describe(bundle));
        Assert.StartsWith($"{library}: not a loadable ELF shared library (", e.Message);
        Assert.EndsWith("(truncated?))", e.Message);
    }

    [Fact]
    public void Whole_system_libraries_pass_the_check()
    {
        // Every x86-64 shared object the system has (the stricter header checks must refuse none of them), and our own.
        var bundle = Path.Combine(TestData.Bundle(), "Contents", "x86_64-linux");
        var libraries = new DirectoryInfo("/usr/lib/x86_64-linux-gnu").EnumerateFiles("*.so*", SearchOption.AllDirectories)
            .Where(f => f.LinkTarget is null && IsX86_64SharedObject(f.FullName)).Select(f => f.FullName)
            .Concat(Directory.GetFiles(bundle, "*.so")).ToArray();
        Assert.True(libraries.Length > 100, $"only {libraries.Length} shared objects found");
        Assert.Contains(Path.Combine(bundle, "libonnxruntime.so"), libraries);
        var refused = libraries.Select(l => (Library: l, Problem: ElfLibraryCheck.Problem(l))).Where(r => r.Problem is not null).ToArray();
        Assert.True(refused.Length == 0, string.Join('\n', refused.Select(r => $"{r.Library}: {r.Problem}")));
    }

    [Theory]
    [InlineData("third loadable segment's address gets bit 30", "is out of order or overlaps segment")]
    [InlineData("last loadable segment has more file than memory bytes", "more file bytes")]
    [InlineData("dynamic segment moved a page up", "(type 0x2) does not lie in a loadable segment at its file offset")]
    [InlineData("first loadable segment aligned to 0x3000", "alignment 0x3000 is not a power of two")]
    [InlineData("code segment not executable", "which is not executable")]
    [InlineData("data segment not writable", "(GNU_RELRO at 0x")]
    [InlineData("read-only data segment not readable", "which is not readable")]
    [InlineData("TLS aligned to 1 MiB", "(TLS): alignment 0x100000")]
    [InlineData("RELRO moved onto the code", "(GNU_RELRO at 0x")]
    public void A_loader_with_a_broken_program_header_is_refused_before_dlopen(string edit, string problem)
    {
        // Each edit of our own loader's program headers made glibc's dlopen map a segment over the process's memory or
        // read, copy or mprotect through a bad address: SIGSEGV, SIGBUS or an ld.so assertion instead of an error.
        var loader = File.ReadAllBytes(Path.Combine(TestData.Bundle(), "Contents", "x86_64-linux", "Euterpe.so"));
        var headers = new ProgramHeaders(loader);
        var loads = headers.OfType(1);
        switch (edit)
        {
            case "third loadable segment's address gets bit 30": headers.Set(loads[2], ProgramHeaders.Address, headers.Get(loads[2], ProgramHeaders.Address) | 1UL << 30); break;
            case "last loadable segment has more file than memory bytes": headers.Set(loads[^1], ProgramHeaders.MemorySize, headers.Get(loads[^1], ProgramHeaders.FileSize) - 8); break;
            case "dynamic segment moved a page up": headers.Set(headers.OfType(2)[0], ProgramHeaders.Address, headers.Get(headers.OfType(2)[0], ProgramHeaders.Address) + 0x1000); break;
            case "first loadable segment aligned to 0x3000": headers.Set(loads[0], ProgramHeaders.Alignment, 0x3000); break;
            case "code segment not executable": headers.SetFlags(loads.Single(i => (headers.Flags(i) & 1) != 0), 4); break;
            case "data segment not writable": headers.SetFlags(loads.Single(i => (headers.Flags(i) & 2) != 0), 4); break;
            case "read-only data segment not readable": headers.SetFlags(loads[^2], 0); break;
            case "TLS aligned to 1 MiB": headers.Set(headers.OfType(7)[0], ProgramHeaders.Alignment, 1 << 20); break;
            case "RELRO moved onto the code":
                var relro = headers.OfType(0x6474e552)[0];
                headers.Set(relro, ProgramHeaders.Address, headers.Get(loads.Single(i => (headers.Flags(i) & 1) != 0), ProgramHeaders.Address));
                break;
        }
        using var dir = new TempFolder("euterpe-host-");
        var library = dir.File("Euterpe.so");
        File.WriteAllBytes(library, loader);
        var e = Assert.Throws<EuterpeException>(() => ElfLibraryCheck.Check(library));
        Assert.StartsWith($"{library}: not a loadable ELF shared library (", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Header_bit_flips_in_the_loader_never_kill_host_info()
    {
        // The hardening campaign's mutants (seed 1): 1 to 4 bits flipped in the loader's first 512 bytes, the ELF header
        // and program headers. loader-header-flips-1 (the third PT_LOAD's p_vaddr + 0x40000000, out of address order)
        // killed host info with SIGSEGV inside dlopen. Each is checked here; the ones the check lets through are dlopened
        // by the command line in a process of its own, which must end in a result or one error line, never a signal.
        var source = TestData.Bundle();
        var loader = File.ReadAllBytes(Path.Combine(source, BundleMutants.Loader));
        var mutants = BundleMutants.Create(loader, File.ReadAllBytes("/lib/x86_64-linux-gnu/libm.so.6"), seed: 1, count: 215)
            .Where(m => m.Name.StartsWith("loader-header-flips-", StringComparison.Ordinal)).Take(200).ToArray();
        Assert.Equal(200, mutants.Length);
        using var dir = new TempFolder("euterpe-host-");
        var bundle = CopyBundle(source, dir.Path("Euterpe.vst3"));
        var library = Path.Combine(bundle, BundleMutants.Loader);
        var accepted = new List<string>();
        var failures = new List<string>();
        foreach (var mutant in mutants)
        {
            File.WriteAllBytes(library, mutant.Bytes!);
            if (ElfLibraryCheck.Problem(library) is not null)
            {
                var e = Assert.Throws<EuterpeException>(() => HostInspector.Describe(bundle));
                Assert.StartsWith($"{library}: not a loadable ELF shared library (", e.Message);
                continue;
            }
            accepted.Add(mutant.Name);
            var run = CliProcess.Run(["host", "info", bundle]);
            var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
            if (run.ExitCode == 0 || (run.ExitCode == 2 && errors.Length == 1)) continue;
            failures.Add($"{mutant.Name}: exit {run.ExitCode}{(run.ExitCode > 128 ? $" (signal {run.ExitCode - 128})" : "")}: {run.Stderr.Trim()}");
        }
        Assert.DoesNotContain("loader-header-flips-1", accepted);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(accepted.Count < mutants.Length / 2, $"{accepted.Count} of {mutants.Length} mutants passed the check");
    }
    [Fact]
    public void A_shared_library_without_GetPluginFactory_is_not_a_VST3_module()
    {
        const string libm = "/lib/x86_64-linux-gnu/libm.so.6";
        Assert.True(File.Exists(libm), $"{libm}: missing");
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Maths");
        File.Copy(libm, Path.Combine(bundle, "Contents", "x86_64-linux", "Maths.so"));
        var e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle));
        Assert.Equal($"{bundle}: GetPluginFactory: Maths.so does not export GetPluginFactory (not a VST3 module)", e.Message);
    }

    [Fact]
    public void A_module_whose_factory_is_null_is_reported_not_dereferenced()
    {
        // A module whose GetPluginFactory answers null, as a plug-in that cannot start does; built here with the C compiler.
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Null");
        var source = dir.File("null.c");
        File.WriteAllText(source, "void *GetPluginFactory(void) { return 0; }\n");
        ProcessRunner.Run("cc", ["-shared", "-fPIC", "-o", Path.Combine(bundle, "Contents", "x86_64-linux", "Null.so"), source]).EnsureSuccess();
        var e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle));
        Assert.Equal("GetPluginFactory", e.Step);
        Assert.Contains("returned no factory", e.Problem);
    }

    [Fact]
    public void Rendering_from_a_bad_bundle_writes_no_wav()
    {
        using var dir = new TempFolder("euterpe-host-");
        var wav = dir.File("x.wav");
        Assert.Throws<HostException>(() => OfflineRenderer.Render(new RenderOptions(Path.Combine(dir.Root, "None.vst3"), 1, wav)));
        Assert.False(File.Exists(wav));
        Assert.Empty(Directory.GetFiles(dir.Root));
    }

    private static bool IsX86_64SharedObject(string path)
    {
        Span<byte> header = stackalloc byte[20];
        try
        {
            using var file = File.OpenHandle(path);
            return RandomAccess.Read(file, header, 0) == header.Length && header[..4].SequenceEqual("\u007fELF"u8)
                && header[4] == 2 && header[16] == 3 && header[18] == 62;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string CopyBundle(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    /// <summary>A copy of a library's program header table to edit: field offsets within a 56-byte ELF64 program header.</summary>
    private sealed class ProgramHeaders(byte[] library)
    {
        public const int Offset = 8, Address = 16, FileSize = 32, MemorySize = 40, Alignment = 48;

        private int Table => (int)BinaryPrimitives.ReadUInt64LittleEndian(library.AsSpan(32));

        private int Count => BinaryPrimitives.ReadUInt16LittleEndian(library.AsSpan(56));

        /// <summary>The indexes of the program headers of <paramref name="type"/>, in table order.</summary>
        public int[] OfType(uint type) => [.. Enumerable.Range(0, Count).Where(i => BinaryPrimitives.ReadUInt32LittleEndian(library.AsSpan(Table + i * 56)) == type)];

        public uint Flags(int index) => BinaryPrimitives.ReadUInt32LittleEndian(library.AsSpan(Table + index * 56 + 4));

        public void SetFlags(int index, uint flags) => BinaryPrimitives.WriteUInt32LittleEndian(library.AsSpan(Table + index * 56 + 4), flags);

        public ulong Get(int index, int field) => BinaryPrimitives.ReadUInt64LittleEndian(library.AsSpan(Table + index * 56 + field));

        public void Set(int index, int field, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(library.AsSpan(Table + index * 56 + field), value);
    }

    private static string MakeBundle(TempFolder dir, string name)
    {
        var bundle = Path.Combine(dir.Root, name + ".vst3");
        Directory.CreateDirectory(Path.Combine(bundle, "Contents", "x86_64-linux"));
        return bundle;
    }
}
