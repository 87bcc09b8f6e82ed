using System.CommandLine;
using Euterpe.Host;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe host vstpreset save|factory|show</c>: the plug-in's state as Steinberg .vstpreset files, which DAWs' preset
/// browsers read from ~/.vst3/presets/VENDOR/PLUGIN/. Loading one is <c>--vstpreset FILE</c> on render and host editor.
/// </summary>
public static class HostVstPresetCommand
{
    public static Command Create()
    {
        var command = new Command("vstpreset", "Save, list or make .vstpreset files of a VST3 plug-in's state.");
        var plugin = new Option<string>("--plugin") { Description = "VST3 bundle (default: our artifacts/Euterpe.vst3)." };

        var save = new Command("save", "Save the plug-in's state (after --preset / --vstpreset, if given) as a .vstpreset file.");
        var output = new Argument<string>("out") { Description = "The .vstpreset file to write." };
        var preset = new Option<string>("--preset") { Description = "Model preset to choose first: a name from the plug-in's list or a preset folder." };
        var from = new Option<string>("--vstpreset") { Description = "Start from this .vstpreset file (a round trip)." };
        save.Arguments.Add(output);
        save.Options.Add(plugin);
        save.Options.Add(preset);
        save.Options.Add(from);
        save.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(output)!;
            var source = parseResult.GetValue(from);
            if (source is not null && parseResult.GetValue(preset) is not null) throw new Core.EuterpeException("--preset and --vstpreset: give one");
            OutputFile.CheckDistinct([source], path);
            var bundle = parseResult.GetValue(plugin) ?? BundleLocator.Default();
            using var choice = PresetChoice.Prepare(parseResult.GetValue(preset));
            using var module = Vst3Module.Load(bundle);
            using var instance = PluginInstance.Create(module);
            if (source is not null) VstPresets.Load(instance, source);
            var (note, point) = choice.Apply(instance, bundle);
            if (note.Length > 0) throw new Core.EuterpeException(note);
            if (point is { } p) SetOnProcessor(instance, p.Id, p.Normalized);
            var file = VstPresets.Save(instance);
            OutputFile.Write(path, () => file.Write(path));
            parseResult.InvocationConfiguration.Output.WriteLine($"{path}: class {file.ClassId}, component state {file.Component.Length} bytes, controller state {file.Controller?.Length ?? 0} bytes");
            return 0;
        });

        var factory = new Command("factory", "Write one .vstpreset per entry of the plug-in's Model list (every other control at its default) into a folder.");
        var folder = new Argument<string>("folder") { Description = "Where to write them (created if missing)." };
        factory.Arguments.Add(folder);
        factory.Options.Add(plugin);
        factory.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(folder)!;
            if (File.Exists(target)) throw new Core.EuterpeException($"{target}: is a file; give a folder");
            Directory.CreateDirectory(target);
            using var module = Vst3Module.Load(parseResult.GetValue(plugin) ?? BundleLocator.Default());
            using var instance = PluginInstance.Create(module);
            var written = VstPresets.Factory(instance, target);
            foreach (var file in written) parseResult.InvocationConfiguration.Output.WriteLine(file);
            return 0;
        });

        var show = new Command("show", "What a .vstpreset file holds: class id and chunk sizes.");
        var input = new Argument<string>("file") { Description = "A .vstpreset file." };
        show.Arguments.Add(input);
        show.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(input)!;
            var file = VstPresetFile.Read(path);
            parseResult.InvocationConfiguration.Output.WriteLine($"{path}: class {file.ClassId}, component state {file.Component.Length} bytes, controller state {(file.Controller is null ? "none" : $"{file.Controller.Length} bytes")}");
            return 0;
        });

        command.Subcommands.Add(save);
        command.Subcommands.Add(factory);
        command.Subcommands.Add(show);
        return command;
    }

    /// <summary>A value chosen by name reaches the processor as a DAW sends it: the controller, then a parameter flush.</summary>
    private static void SetOnProcessor(PluginInstance instance, uint id, double normalized)
    {
        instance.SetControllerParameter(id, normalized);
        instance.Start(48000, 512, offline: true);
        using var buffers = new ProcessBuffers(instance, 48000, 512);
        buffers.BeginBlock(0, 0, 120, 4, 4, playing: false);
        buffers.InputParameters.Add(id, 0, normalized);
        var rc = buffers.Process();
        if (rc != Vst3.Vst3Result.Ok) throw new HostException(instance.Module.BundlePath, "IAudioProcessor::process (parameter flush)", $"returned {rc}");
        instance.Stop();
    }
}
