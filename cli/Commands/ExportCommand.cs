using System.CommandLine;
using Euterpe.Core;
using Euterpe.Training.Families;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe export RUN --out PRESET</c>: turn a training run of any family in <see cref="TrainedFamilies"/> into a preset.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run folder written by `euterpe train`." };
        var output = new Option<string>("--out") { Description = "Preset folder to write (model.json or model.onnx, plus manifest.json).", Required = true };
        var id = new Option<string?>("--id") { Description = "Preset id (default: the preset folder's name)." };
        var name = new Option<string?>("--name") { Description = "Display name (default: describes the model and its data)." };
        var command = new Command("export", "Export a trained run as a preset that `euterpe generate` and the plug-in can use (any family `euterpe train` trains).");
        command.Arguments.Add(run);
        command.Options.Add(output);
        command.Options.Add(id);
        var temperature = new Option<double?>("--temperature")
        {
            Description = "Build a sampling temperature (0.1-2) into the exported logits, so temperature 1 in generate and the plug-in samples at it (event-rnn).",
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "The preset's threshold (above 0, below 1): a cell above it sounds, in generate and the plug-in (default: the run's --threshold; wgan-gp).",
        };
        command.Options.Add(name);
        command.Options.Add(temperature);
        command.Options.Add(threshold);
        command.SetAction(result =>
        {
            var runFolder = result.GetValue(run)!;
            if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
            var exporter = TrainedFamilies.ExporterOf(runFolder)
                ?? throw new EuterpeException($"{runFolder}: not a training run (export reads {string.Join(", ", TrainedFamilies.Exporters.Select(e => e.Reads))})");
            if (result.GetValue(temperature) is not null && result.GetValue(threshold) is not null)
                throw new EuterpeException("--temperature and --threshold: no family takes both");
            var description = result.GetValue(temperature) is { } t
                ? (exporter.ExportAtTemperature ?? throw new EuterpeException($"--temperature: {exporter.Reads} do not take it"))(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name), t)
                : result.GetValue(threshold) is { } level
                ? (exporter.ExportAtThreshold ?? throw new EuterpeException($"--threshold: {exporter.Reads} do not take it"))(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name), level)
                : exporter.Export(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name));
            result.InvocationConfiguration.Output.WriteLine($"preset: {result.GetValue(output)} ({description})");
            return 0;
        });
        return command;
    }
}
