using System.CommandLine;
using System.Globalization;
using System.Text;
using Euterpe.Host;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe host info BUNDLE</c>: what a VST3 bundle offers, read through its factory like a DAW's plug-in scan.
/// <c>euterpe host editor BUNDLE</c>: opens the plug-in's editor in a window of ours (on DISPLAY; xvfb-run -a works),
/// rolls the transport for --seconds and can write a screenshot of the window.
/// </summary>
public static class HostCommand
{
    public static Command Create()
    {
        var command = new Command("host", "Load VST3 bundles as a host does (dlopen + GetPluginFactory).");
        var bundle = new Argument<string>("bundle") { Description = "The .vst3 bundle folder (or its .so).", Arity = ArgumentArity.ZeroOrOne };
        var info = new Command("info", "Factory info, classes, and the audio module's buses, parameters and units.");
        info.Arguments.Add(bundle);
        var className = new Option<string>("--class") { Description = "Audio Module Class to describe (default: the first)." };
        info.Options.Add(className);
        info.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(bundle) ?? BundleLocator.Default();
            parseResult.InvocationConfiguration.Output.Write(Format(HostInspector.Describe(path, parseResult.GetValue(className))));
            return 0;
        });
        command.Subcommands.Add(info);
        command.Subcommands.Add(CreateEditor());
        command.Subcommands.Add(HostVstPresetCommand.Create());
        return command;
    }

    private static Command CreateEditor()
    {
        var editor = new Command("editor", "Open the plug-in's editor in a window (needs a 24-bit X display: xvfb-run -a works), roll the transport, take a screenshot.");
        var bundle = new Argument<string>("bundle") { Description = "The .vst3 bundle folder (or its .so).", Arity = ArgumentArity.ZeroOrOne };
        var seconds = new Option<double>("--seconds") { Description = "How long the window stays open, in seconds (default 4).", DefaultValueFactory = _ => 4 };
        var screenshot = new Option<string>("--screenshot") { Description = "Write the window as a PNG when the time is up." };
        var preset = new Option<string>("--preset") { Description = "Model preset to choose first: a name from the plug-in's list or a preset folder." };
        var vstPreset = new Option<string>("--vstpreset") { Description = "Start from the state in this .vstpreset file." };
        var stopped = new Option<bool>("--stopped") { Description = "Keep the transport stopped (the editor idles; the model still loads)." };
        var tempo = new Option<double>("--tempo") { Description = "Host tempo in BPM (default 120).", DefaultValueFactory = _ => 120 };
        editor.Arguments.Add(bundle);
        editor.Options.Add(seconds);
        editor.Options.Add(screenshot);
        editor.Options.Add(preset);
        editor.Options.Add(vstPreset);
        editor.Options.Add(stopped);
        editor.Options.Add(tempo);
        editor.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(bundle) ?? BundleLocator.Default();
            var time = parseResult.GetValue(seconds);
            if (!(time is > 0 and <= 3600)) throw new Core.EuterpeException($"--seconds {time}: must be in (0, 3600]");
            var bpm = parseResult.GetValue(tempo);
            if (!(bpm is > 0 and <= 1000)) throw new Core.EuterpeException($"--tempo {bpm}: must be in (0, 1000]");
            var output = parseResult.GetValue(screenshot);
            if (output is not null)
            {
                OutputFile.CheckDistinct([], output);
                var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
                if (!Directory.Exists(folder)) throw new Core.EuterpeException($"{output}: no such folder {folder}");
            }
            var presetFile = parseResult.GetValue(vstPreset);
            if (presetFile is not null && parseResult.GetValue(preset) is not null) throw new Core.EuterpeException("--preset and --vstpreset: give one (a .vstpreset names its model itself)");
            using var choice = PresetChoice.Prepare(parseResult.GetValue(preset));
            using var session = EditorSession.Open(path);
            if (presetFile is not null) VstPresets.Load(session.Plugin, presetFile);
            session.Tempo = bpm;
            var (note, point) = choice.Apply(session.Plugin, path);
            if (point is { } p) session.SetParameter(p.Id, p.Normalized);
            var playing = !parseResult.GetValue(stopped);
            session.Run(TimeSpan.FromSeconds(time), playing);
            var text = parseResult.InvocationConfiguration.Output;
            if (note.Length > 0) text.WriteLine(note);
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"editor {session.Width}x{session.Height}: {session.Frame.TimersFired} timer callbacks, {session.Seconds:0.0} s played{(playing ? "" : " (stopped)")}"));
            if (output is not null)
            {
                OutputFile.Write(output, () => PngImage.Write(output, session.Screenshot(), session.Width, session.Height));
                text.WriteLine($"screenshot: {output}");
            }
            return 0;
        });
        return editor;
    }

    internal static string Format(FactoryDescription d)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"bundle:   {d.Bundle}");
        text.AppendLine(c, $"library:  {d.Library}");
        text.AppendLine(c, $"factory:  vendor \"{d.Vendor}\", url {d.Url}, email {d.Email}, flags 0x{d.Flags:X}");
        text.AppendLine(c, $"classes:  {d.Classes.Count}");
        foreach (var k in d.Classes)
        {
            text.AppendLine(c, $"  [{k.Index}] \"{k.Name}\"  category \"{k.Category}\"  subcategories \"{k.SubCategories}\"");
            text.AppendLine(c, $"      vendor \"{k.Vendor}\"  version {k.Version}  sdk {k.SdkVersion}  cid {k.Cid}");
        }
        if (d.Buses.Count > 0)
        {
            text.AppendLine(c, $"buses:");
            foreach (var b in d.Buses)
                text.AppendLine(c, $"  {(b.IsAudio ? "audio" : "event")} {(b.IsInput ? "in " : "out")} [{b.Index}] \"{b.Name}\"  {b.ChannelCount} channels  {(b.IsMain ? "main" : "aux")}{(b.DefaultActive ? ", default active" : "")}");
        }
        if (d.Parameters.Count > 0)
        {
            text.AppendLine(c, $"parameters: {d.Parameters.Count}");
            // Third-party ids can be ten digits (e.g. a program-change list parameter); the column fits the widest.
            var width = Math.Max(4, d.Parameters.Max(p => p.Id.ToString(c).Length));
            text.AppendLine(c, $"  {"id".PadLeft(width)}  {"title",-22} {"units",-6} {"default",-14} {"steps",5}  flags");
            foreach (var p in d.Parameters)
                text.AppendLine(c, $"  {p.Id.ToString(c).PadLeft(width)}  {p.Title,-22} {p.Units,-6} {$"{p.DefaultNormalized:0.###} ({p.DefaultText})",-14} {p.StepCount,5}  {p.FlagNames}");
        }
        if (d.Units.Count > 0)
        {
            text.AppendLine(c, $"units:");
            foreach (var u in d.Units)
                text.AppendLine(c, $"  [{u.Id}] \"{u.Name}\"  parent {u.ParentId}  program list {u.ProgramListId}");
        }
        if (d.Buses.Count > 0)
            text.AppendLine(c, $"processing: latency {d.LatencySamples} samples, tail {d.TailSamples} samples, 64-bit {(d.Supports64Bit ? "yes" : "no")}");
        return text.ToString();
    }
}
