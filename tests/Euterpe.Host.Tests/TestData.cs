namespace Euterpe.Host.Tests;

/// <summary>Where the built bundle and the real MIDI songs are; each missing piece fails with what to do.</summary>
internal static class TestData
{
    public const string OpenMsxDir = "/usr/share/games/openttd/baseset/openmsx";

    public static string Bundle()
    {
        var bundle = BundleLocator.Default();
        Assert.True(File.Exists(Path.Combine(bundle, "Contents", "x86_64-linux", "Euterpe.so")),
            $"{bundle}: no built bundle; run scripts/build.sh (it builds the native loader and artifacts/Euterpe.vst3)");
        return bundle;
    }

    public static string Song(string name)
    {
        var path = Path.Combine(OpenMsxDir, name);
        Assert.True(File.Exists(path), $"{path}: missing; run scripts/install-deps.sh (openttd-openmsx)");
        return path;
    }
}
