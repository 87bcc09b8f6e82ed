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

    [Fact]
    public void A_file_that_is_not_a_shared_library_fails_at_dlopen_with_the_linkers_words()
    {
        using var dir = new TempFolder("euterpe-host-");
        var bundle = MakeBundle(dir, "Text");
        File.WriteAllText(Path.Combine(bundle, "Contents", "x86_64-linux", "Text.so"), "not an ELF file\n");
        var e = Assert.Throws<HostException>(() => HostInspector.Describe(bundle));
        Assert.Equal("dlopen", e.Step);
        Assert.Contains("Text.so", e.Problem);
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
