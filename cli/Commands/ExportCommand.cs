using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.IO;
using Euterpe.Training.Export;
using Euterpe.Training.Models;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Presets;

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
            var modelPath = Path.Combine(runFolder, NGramManifest.ModelFileName);
            if (!File.Exists(modelPath)) throw new EuterpeException($"{runFolder}: no {NGramManifest.ModelFileName} (export reads n-gram runs with model.json, and event-rnn and fft-lstm runs with checkpoint.safetensors)");
            NGramNoteModel.Load(modelPath); // refuse to export a model that does not load
            var provenance = NGramProvenance.ReadFrom(modelPath);
            var preset = result.GetValue(output)!;
            if (File.Exists(preset)) throw new EuterpeException($"{preset}: is a file, not a folder");
            Directory.CreateDirectory(preset);
            AtomicFile.WriteAllBytes(Path.Combine(preset, NGramManifest.ModelFileName), File.ReadAllBytes(modelPath));
            var presetId = result.GetValue(id) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(preset)));
            var manifest = new NGramManifest
            {
                Id = presetId,
                DisplayName = result.GetValue(name) ?? $"N-gram melody (order {provenance.Order}) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(provenance.Data))}",
                Provenance = provenance,
            };
            manifest.Write(preset);
            result.InvocationConfiguration.Output.WriteLine($"preset: {preset} (id {presetId}, family {manifest.Family})");
            return 0;
        });
        return command;
    }
}
