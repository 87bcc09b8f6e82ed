namespace Euterpe.TestSupport;

/// <summary>The repository root: the folder holding PluginSolution.sln above the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The root folder; fails when the tests run outside a checkout.</summary>
    public static string Path => Found.Value;

    /// <summary>A path under the root, e.g. <c>Combine("presets", "ngram-openmsx")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The product's version as Directory.Build.props sets it (its one &lt;Version&gt;), read as text, not from a build.</summary>
    public static string ProductVersion()
    {
        var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Combine("Directory.Build.props")), "<Version>([^<]+)</Version>");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Directory.Build.props has no <Version>");
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PluginSolution.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no PluginSolution.sln above {AppContext.BaseDirectory}");
    }
}
