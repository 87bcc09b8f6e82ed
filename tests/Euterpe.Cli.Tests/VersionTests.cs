using Euterpe.Core;

namespace Euterpe.Cli.Tests;

/// <summary>`euterpe --version` shows the product's one version (Directory.Build.props), the one the plug-in reports (it said 1.0.0, the plug-in 0.1.0).</summary>
public sealed class VersionTests
{
    [Fact]
    public void Version_is_the_products_one_version()
    {
        var result = EuterpeProcess.Run(["--version"], new Dictionary<string, string>());
        Assert.Equal(0, result.ExitCode);
        var shown = result.Stdout.Trim();
        var version = RepositoryRoot.ProductVersion();
        // The build's commit may follow a '+'.
        Assert.True(shown == version || shown.StartsWith(version + "+", StringComparison.Ordinal), $"--version showed {shown}, Directory.Build.props says {version}");
        Assert.Equal(version, ProductVersion.Current);
    }
}
