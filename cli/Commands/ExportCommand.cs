using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Presets;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Families.NGram;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe export RUN --out PRESET</c>: turn a training run into a preset (n-gram and event-rnn families).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run folder written by `euterpe train`." };
        var output = new Option<string>("--out") { Description = "Preset folder to write (model.json or model.onnx, plus manifest.json).", Required = true };
        var id = new Option<string?>("--id") { Description = "Preset id (default: the preset folder's name)." };
        var name = new Option<string?>("--name") { Description = "Display name (default: describes the model and its data)." };
        var command = new Command("export", "Export a trained run as a preset that `euterpe generate` can use (n-gram, event-rnn and fft-lstm runs).");
        command.Arguments.Add(run);
        command.Options.Add(output);
        command.Options.Add(id);
        command.Options.Add(name);
        command.SetAction(result =>
        {
            var runFolder = result.GetValue(run)!;
            if (!Directory.Exists(runFolder)) throw new EuterpeException($"{runFolder}: run folder not found");
            // The ONNX families: the exporter that recognises the run writes the preset; its validation figure is echoed.
            int Exported(ModelManifest exported, string metric, string format)
            {
                var value = exported.Provenance?.ValidationMetrics.GetValueOrDefault(metric);
                var shown = value?.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";
                result.InvocationConfiguration.Output.WriteLine(
                    $"preset: {result.GetValue(output)} (id {exported.Id}, family {exported.Family}, step {exported.Provenance?.Steps}, {string.Format(System.Globalization.CultureInfo.InvariantCulture, format, shown)})");
                return 0;
            }
            if (FftLstmExporter.IsRun(runFolder))
                return Exported(FftLstmExporter.Export(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name)), FftLstmExporter.ValidationMetricName, "validation MSE {0}");
            if (EventRnnExporter.IsRun(runFolder))
                return Exported(EventRnnExporter.Export(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name)), EventRnnExporter.ValidationMetricName, "validation {0} nats/token");
            if (!NGramExporter.IsRun(runFolder))
                throw new EuterpeException($"{runFolder}: no {NGramManifest.ModelFileName} (export reads n-gram runs with model.json, and event-rnn and fft-lstm runs with checkpoint.safetensors)");
            var ngram = NGramExporter.Export(runFolder, result.GetValue(output)!, result.GetValue(id), result.GetValue(name));
            result.InvocationConfiguration.Output.WriteLine($"preset: {result.GetValue(output)} (id {ngram.Id}, family {ngram.Family})");
            return 0;
        });
        return command;
    }
}
