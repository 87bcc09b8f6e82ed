using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// Watches a plug-in's read-only "Status" list parameter during a render, as a user watches it in a DAW: when the
/// processor reports the value the controller reads as "Error" (getParamValueByString), the render is failing, and the
/// controller's value string for it (getParamStringByValue) says why. Plug-ins without such a parameter are not
/// watched. Used on the host's render thread, between process calls.
/// </summary>
public sealed class PluginStatusWatcher
{
    private readonly PluginInstance _plugin;
    private readonly uint _id;
    private readonly double _error;

    private PluginStatusWatcher(PluginInstance plugin, uint id, double error)
    {
        _plugin = plugin;
        _id = id;
        _error = error;
    }

    /// <summary>A watcher for <paramref name="plugin"/>'s Status parameter, or null when it has none with an "Error" value.</summary>
    public static PluginStatusWatcher? For(PluginInstance plugin)
    {
        var status = plugin.Parameters().FirstOrDefault(p => (p.Flags & ParameterInfo.FlagIsReadOnly) != 0 && (p.Flags & ParameterInfo.FlagIsList) != 0
            && p.Title.Equals("Status", StringComparison.OrdinalIgnoreCase));
        if (status is null || !plugin.TryParseParameter(status.Id, "Error", out var error)) return null;
        return new PluginStatusWatcher(plugin, status.Id, error);
    }

    /// <summary>The plug-in's problem text when the controller's Status shows "Error" now, else null.</summary>
    public string? Problem()
    {
        var value = _plugin.GetControllerParameter(_id);
        if (!(Math.Abs(value - _error) < 1e-6)) return null;
        var text = _plugin.ValueText(_id, value);
        return text.Length > 0 ? text : "Error";
    }
}
