using System.Reflection;

namespace Euterpe.Core;

/// <summary>
/// Euterpe's version, set once in Directory.Build.props (every assembly carries it): what `euterpe --version` shows
/// (with the commit after a '+') and what the plug-in reports to hosts.
/// </summary>
public static class ProductVersion
{
    /// <summary>MAJOR.MINOR.PATCH, without the build's commit.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? throw new InvalidOperationException("Euterpe.Core has no informational version");
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
