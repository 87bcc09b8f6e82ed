using Euterpe.Core;
using Euterpe.Core.Presets;
using Euterpe.Core.Text;

namespace Euterpe.Host;

/// <summary>
/// The presets our bundle's Model list offers (<see cref="PresetSearchPath"/> from the bundle <see cref="BundleLocator"/>
/// finds), so <c>euterpe generate NAME</c> accepts the ids <c>render --preset NAME</c> does, and both name them when
/// a name matches none.
/// </summary>
public static class InstalledPresets
{
    /// <summary>The presets found for <paramref name="bundle"/> (default: our bundle), first of equal ids.</summary>
    public static IReadOnlyList<(string Id, string DisplayName, string Folder)> Of(string? bundle = null) =>
        PresetSearchPath.List(PresetSearchPath.Roots(Path.Combine(bundle ?? BundleLocator.Default(), "Contents")));

    /// <summary>
    /// The folder a preset argument names: the folder itself when it exists (or is a file, which opening refuses),
    /// else the installed preset with that id or display name; neither is one line listing the ids there are.
    /// </summary>
    public static string Folder(string argument)
    {
        if (Directory.Exists(argument) || File.Exists(argument)) return argument;
        var presets = Of();
        return (argument.Contains('/') ? null : PresetSearchPath.Find(presets, argument))
            ?? throw new EuterpeException($"{UserText.Quote(argument)}: no such preset folder or preset id ({PresetSearchPath.Available(presets)})");
    }
}
