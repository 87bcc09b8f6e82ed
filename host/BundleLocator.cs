namespace Euterpe.Host;

/// <summary>Where our own bundle is when no --plugin is given: $EUTERPE_VST3, else the build's artifacts/Euterpe.vst3 above this program, else ~/.vst3.</summary>
public static class BundleLocator
{
    public static string Default()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EUTERPE_VST3");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "Euterpe.vst3");
            if (Directory.Exists(candidate)) return candidate;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var installed = Path.Combine(home, ".vst3", "Euterpe.vst3");
        return Directory.Exists(installed) ? installed : Path.Combine("artifacts", "Euterpe.vst3");
    }
}
