using Euterpe.Core;
using Euterpe.Core.Families;
using Euterpe.Core.Presets;
using Euterpe.Core.Text;

namespace Euterpe.Host;

/// <summary>
/// How <c>--preset</c> reaches a plug-in, the way a DAW user would do it: a preset is chosen on the plug-in's
/// "Model"/"Preset" list parameter by typing its name (IEditController::getParamValueByString).
/// A folder is a folder: it must hold a manifest its family accepts (checked here, before anything plays, so a broken
/// folder is refused by its own name and never stood in for by a bundle preset of the same id). It is then named in
/// EUTERPE_PRESETS, which Euterpe's preset catalog reads: a preset folder named there is listed first, before the
/// bundle's presets and never dropped, and only that folder is read (not its siblings). It is chosen by its display
/// name, then its id. Anything else given is a name from the plug-in's list. Disposing it restores EUTERPE_PRESETS,
/// so a folder named for one render is not listed by the next in the same process (it may be gone by then).
/// </summary>
public sealed class PresetChoice : IDisposable
{
    public const string SearchPathVariable = "EUTERPE_PRESETS";

    private readonly string? _argument;
    private readonly string[] _names;
    private readonly bool _searchPathSet;
    private readonly string? _previousSearchPath;

    private PresetChoice(string? argument, string? folder, string[] names, bool searchPathSet = false, string? previousSearchPath = null)
    {
        _argument = argument;
        Folder = folder;
        _names = names;
        _searchPathSet = searchPathSet;
        _previousSearchPath = previousSearchPath;
    }

    /// <summary>The preset folder as the user gave it (null for a name or no preset): errors about the preset name it.</summary>
    public string? Folder { get; }

    /// <summary>Call before the bundle is loaded, so the plug-in's catalog sees a folder given by path.</summary>
    public static PresetChoice Prepare(string? preset)
    {
        if (string.IsNullOrWhiteSpace(preset)) return new PresetChoice(null, null, []);
        if (!Directory.Exists(preset))
        {
            if (File.Exists(preset)) throw new EuterpeException($"{preset}: is a file; a preset is a folder with a manifest.json");
            if (preset.Contains('/')) throw new EuterpeException($"{preset}: no such preset folder");
            return new PresetChoice(preset, null, [preset]);
        }
        // The one check a folder gets before the plug-in sees it: manifest read, family found, family's record checked.
        var (opened, family) = ModelFamilies.Open(preset);
        family.CheckManifest(opened);
        var folder = Path.GetFullPath(preset).TrimEnd(Path.DirectorySeparatorChar);
        var existing = Environment.GetEnvironmentVariable(SearchPathVariable);
        ProcessEnvironment.Set(SearchPathVariable, string.IsNullOrEmpty(existing) ? folder : $"{folder}:{existing}");
        // The display name first: it is the list's label, and the folder is listed first, so no other preset's label or id can win.
        return new PresetChoice(preset, preset, [opened.DisplayName, opened.Id], searchPathSet: true, previousSearchPath: existing);
    }

    /// <summary>Puts EUTERPE_PRESETS back as it was before <see cref="Prepare"/>; call once the plug-in is released.</summary>
    public void Dispose()
    {
        if (_searchPathSet) ProcessEnvironment.Set(SearchPathVariable, _previousSearchPath);
    }

    /// <summary>Finds the list parameter and the value for the preset; the caller sets it on the controller and sends it to the processor at sample 0.</summary>
    public (string Note, (uint Id, double Normalized)? Point) Apply(PluginInstance plugin, string bundle)
    {
        if (_argument is null) return ("", null);
        var parameter = plugin.Parameters().FirstOrDefault(p => (p.Flags & 8) != 0 &&
            (p.Title.Equals("Model", StringComparison.OrdinalIgnoreCase) || p.Title.Equals("Preset", StringComparison.OrdinalIgnoreCase)));
        if (parameter is null)
            return ($"--preset {UserText.Quote(_argument)}: ignored: {plugin.Class.Name} has no Model or Preset list parameter", null);
        foreach (var name in _names)
        {
            if (plugin.TryParseParameter(parameter.Id, name, out var normalized)) return ("", (parameter.Id, normalized));
        }
        if (Folder is not null) throw new EuterpeException($"{Folder}: {plugin.Class.Name} does not list this preset (is {SearchPathVariable} honoured by {bundle}?)");
        throw new HostException(bundle, "--preset", $"{plugin.Class.Name} lists no preset named {UserText.Quote(_argument)} ({PresetSearchPath.Available(InstalledPresets.Of(bundle))})");
    }

    /// <summary>The error line for a plug-in that reports it cannot play what it was asked to (its own words, quoted).</summary>
    public EuterpeException Failure(string bundle, string problem)
    {
        // "FOLDER/model.onnx: problem" names a file of the preset: the line names that file as the user would.
        var prefix = Folder is null ? null : Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var colon = prefix is not null && problem.StartsWith(prefix, StringComparison.Ordinal) ? problem.IndexOf(": ", prefix.Length, StringComparison.Ordinal) : -1;
        if (colon > prefix?.Length)
        {
            var file = Path.Combine(Folder!, problem[prefix!.Length..colon]);
            return new EuterpeException($"{file}: the plug-in cannot play this preset: {UserText.Quote(problem[(colon + 2)..], 240)}");
        }
        var subject = Folder ?? bundle;
        var what = Folder is not null ? "the plug-in cannot play this preset"
            : _argument is not null ? $"the plug-in cannot play preset {UserText.Quote(_argument)}"
            : "the plug-in reports an error";
        return new EuterpeException($"{subject}: {what}: {UserText.Quote(problem, 240)}");
    }
}
