namespace Euterpe.Host.Tests;

/// <summary>
/// A fact that needs third-party VST3 bundles (e.g. the Steinberg SDK samples built outside the repo): it runs
/// when EUTERPE_THIRD_PARTY_VST3 names a folder of .vst3 bundles and is skipped, saying so, otherwise.
/// </summary>
public sealed class ThirdPartyFactAttribute : FactAttribute
{
    public const string Variable = "EUTERPE_THIRD_PARTY_VST3";

    public ThirdPartyFactAttribute()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder)) Skip = $"{Variable} is not set (point it at a folder of third-party .vst3 bundles, e.g. the VST3 SDK samples)";
        else if (!Directory.Exists(folder)) Skip = $"{Variable}={folder}: no such folder";
    }
}
