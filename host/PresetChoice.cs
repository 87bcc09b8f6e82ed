using Euterpe.Core;
using Euterpe.Core.Presets;

namespace Euterpe.Host;

/// <summary>
/// How <c>--preset</c> reaches a plug-in, the way a DAW user would do it: a preset is chosen on the plug-in's
/// "Model"/"Preset" list parameter by typing its name (IEditController::getParamValueByString). A folder is made
/// visible first by naming it in EUTERPE_PRESETS, which Euterpe's preset catalog reads: a preset folder named there
/// comes before the bundle's, so the folder given is the one played even where the bundle has a preset of the same
/// id. It is then chosen by the id in its manifest, else its display name, else its folder name.
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
        var existing = Environment.GetEnvironmentVariable(SearchPathVariable);
        Environment.SetEnvironmentVariable(SearchPathVariable, string.IsNullOrEmpty(existing) ? folder : $"{folder}:{existing}");
        var names = new List<string>();
        try
        {
            var opened = Preset.Open(folder);
            names.Add(opened.Id);
            names.Add(opened.DisplayName);
        }
        catch (EuterpeException)
        {
            // Not a readable preset: the plug-in lists it by its folder name with the problem.
        }
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
}
