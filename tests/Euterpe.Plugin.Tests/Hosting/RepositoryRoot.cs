namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>Finds the repository root (the folder holding PluginSolution.sln) above the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PluginSolution.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no PluginSolution.sln above {AppContext.BaseDirectory}");
    }
}
