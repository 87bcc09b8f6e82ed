using Euterpe.Core;

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
        Assert.Null(ElfLibraryCheck.Problem("/lib/x86_64-linux-gnu/libm.so.6"));
        Assert.Null(ElfLibraryCheck.Problem(Path.Combine(TestData.Bundle(), "Contents", "x86_64-linux", "Euterpe.so")));
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
        // Our own bundle without its managed assembly: the native loader cannot boot the plug-in and returns no factory.
        using var dir = new TempFolder("euterpe-host-");
        var source = Path.Combine(TestData.Bundle(), "Contents", "x86_64-linux");
        var bundle = MakeBundle(dir, "Euterpe");
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "Euterpe.dll"))
            File.Copy(file, Path.Combine(bundle, "Contents", "x86_64-linux", Path.GetFileName(file)));
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

    private static string MakeBundle(TempFolder dir, string name)
    {
        var bundle = Path.Combine(dir.Root, name + ".vst3");
        Directory.CreateDirectory(Path.Combine(bundle, "Contents", "x86_64-linux"));
        return bundle;
    }
}
