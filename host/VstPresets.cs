using Euterpe.Core;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// A plug-in's state to and from .vstpreset files (<see cref="VstPresetFile"/>), as a DAW's preset browser does: saving
/// takes IComponent::getState ("Comp") and IEditController::getState ("Cont"); loading refuses a preset made for
/// another class, then setState on the component, setComponentState and setState on the controller.
/// <see cref="Factory"/> writes one preset per entry of the plug-in's Model list with every other control at its default.
/// </summary>
public static unsafe class VstPresets
{
    public static VstPresetFile Save(PluginInstance plugin) =>
        new(plugin.Class.Cid, plugin.GetComponentState(), plugin.Controller == 0 ? null : ControllerState(plugin));

    public static void Load(PluginInstance plugin, string path)
    {
        var preset = VstPresetFile.Read(path);
        if (!preset.ClassId.Equals(plugin.Class.Cid, StringComparison.OrdinalIgnoreCase))
            throw new EuterpeException($"{path}: a preset for class {preset.ClassId}, not {plugin.Class.Name} ({plugin.Class.Cid})");
        plugin.SetComponentState(preset.Component);
        if (preset.Controller is null || plugin.Controller == 0) return;
        using var stream = new StreamLease(preset.Controller);
        Call.Check(path, "IEditController::setState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(plugin.Controller, 6))(plugin.Controller, stream.Pointer));
    }

    private static byte[] ControllerState(PluginInstance plugin)
    {
        using var stream = new StreamLease([]);
        Call.Check(plugin.Module.BundlePath, "IEditController::getState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(plugin.Controller, 7))(plugin.Controller, stream.Pointer));
        return stream.Stream.Contents.ToArray();
    }

    /// <summary>
    /// One file per preset the Model list offers (its value strings, slot 1 on), named after the entry's label, in
    /// <paramref name="folder"/>: the Model value set as a DAW's user would (controller, then a parameter flush to the
    /// processor), the state saved. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Factory(PluginInstance plugin, string folder)
    {
        var model = plugin.Parameters().FirstOrDefault(p => (p.Flags & ParameterInfo.FlagIsList) != 0 && p.Title == "Model")
            ?? throw new HostException(plugin.Module.BundlePath, "factory presets", "no Model list parameter");
        var written = new List<string>();
        var defaults = plugin.GetComponentState();
        plugin.Start(48000, 512, offline: true);
        using var buffers = new ProcessBuffers(plugin, 48000, 512);
        for (var slot = 1; slot <= model.StepCount; slot++)
        {
            var normalized = (double)slot / model.StepCount;
            var label = plugin.ValueText(model.Id, normalized);
            if (label.Length == 0 || label.StartsWith('(')) break; // "(no preset)": the list ends
            plugin.SetComponentState(defaults);
            plugin.SetControllerParameter(model.Id, normalized);
            buffers.BeginBlock(0, 0, 120, 4, 4, playing: false);
            buffers.InputParameters.Add(model.Id, 0, normalized);
            Call.Check(plugin.Module.BundlePath, "IAudioProcessor::process (parameter flush)", buffers.Process());
            var path = Path.Combine(folder, FileName(label) + VstPresetFile.Extension);
            Save(plugin).Write(path);
            written.Add(path);
        }
        plugin.Stop();
        return written;
    }

    /// <summary>A label as a file name: characters a file system or a shell trips on become '-'.</summary>
    public static string FileName(string label)
    {
        var chars = label.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' or ',' ? c : '-').ToArray();
        return new string(chars).Trim().TrimStart('.');
    }
}
