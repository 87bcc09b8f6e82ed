using System.CommandLine;
using System.Globalization;
using System.Text;
using Euterpe.Host;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe host info BUNDLE</c>: what a VST3 bundle offers, read through its factory like a DAW's plug-in scan.</summary>
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
        return command;
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
