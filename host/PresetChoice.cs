using Euterpe.Core;

namespace Euterpe.Host;

/// <summary>
/// How <c>--preset</c> reaches a plug-in, the way a DAW user would do it: a preset is chosen on the plug-in's
/// "Model"/"Preset" list parameter by typing its name (IEditController::getParamValueByString). A folder is made
/// visible first by adding its parent to EUTERPE_PRESETS, which Euterpe's preset catalog reads, and is then chosen
/// by the display name in its manifest (else its folder name).
/// </summary>
public sealed class PresetChoice
{
    public const string SearchPathVariable = "EUTERPE_PRESETS";

    private readonly string? _argument;
    private readonly string[] _names;

    private PresetChoice(string? argument, string[] names)
    {
        _argument = argument;
        _names = names;
    }

    /// <summary>Call before the bundle is loaded, so the plug-in's catalog sees a folder given by path.</summary>
    public static PresetChoice Prepare(string? preset)
    {
        if (string.IsNullOrWhiteSpace(preset)) return new PresetChoice(null, []);
        if (!Directory.Exists(preset)) return new PresetChoice(preset, [preset]);
        var folder = Path.GetFullPath(preset).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(folder)!;
        var existing = Environment.GetEnvironmentVariable(SearchPathVariable);
        Environment.SetEnvironmentVariable(SearchPathVariable, string.IsNullOrEmpty(existing) ? parent : $"{parent}:{existing}");
        var names = new List<string>();
        if (DisplayNameOf(Path.Combine(folder, "manifest.json")) is { } display) names.Add(display);
        names.Add(Path.GetFileName(folder));
        return new PresetChoice(preset, [.. names]);
    }

    /// <summary>Finds the list parameter and the value for the preset; the caller sets it on the controller and sends it to the processor at sample 0.</summary>
    public (string Note, (uint Id, double Normalized)? Point) Apply(PluginInstance plugin, string bundle)
    {
        if (_argument is null) return ("", null);
        var parameter = plugin.Parameters().FirstOrDefault(p => (p.Flags & 8) != 0 &&
            (p.Title.Equals("Model", StringComparison.OrdinalIgnoreCase) || p.Title.Equals("Preset", StringComparison.OrdinalIgnoreCase)));
        if (parameter is null)
            return ($"--preset {_argument}: ignored: {plugin.Class.Name} has no Model or Preset list parameter", null);
        foreach (var name in _names)
        {
            if (plugin.TryParseParameter(parameter.Id, name, out var normalized)) return ("", (parameter.Id, normalized));
        }
        throw new HostException(bundle, "--preset", $"{_argument}: {plugin.Class.Name} lists no preset named {string.Join(" or ", _names.Select(n => $"\"{n}\""))}");
    }

    private static string? DisplayNameOf(string manifestPath)
    {
        if (!File.Exists(manifestPath)) return null;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifestPath));
            return document.RootElement.TryGetProperty("displayName", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String
                ? name.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
