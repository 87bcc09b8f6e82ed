using System.Globalization;
using Euterpe.Core.Presets;

namespace Euterpe.Training.Export;

/// <summary>
/// How <c>euterpe export</c> turns one family's training run into a preset: <see cref="IsRun"/> recognises the run
/// folder, <see cref="Export"/> (run, preset folder, id, display name) writes the preset and returns a line describing
/// it. <see cref="Reads"/> says what such a run holds, for the error when no family recognises a folder.
/// <see cref="ExportAtTemperature"/> is set by families whose exported logits can carry a sampling temperature,
/// <see cref="ExportAtThreshold"/> by clip families whose manifest names the threshold their cells are read at.
/// </summary>
public sealed record RunExporter(string Reads, Func<string, bool> IsRun, Func<string, string, string?, string?, string> Export,
    Func<string, string, string?, string?, double, string>? ExportAtTemperature = null,
    Func<string, string, string?, string?, double, string>? ExportAtThreshold = null)
{
    /// <summary>The description of an ONNX family's preset: id, family, step and its validation figure.</summary>
    public static string Describe(ModelManifest manifest, string metric, string format)
    {
        var value = manifest.Provenance?.ValidationMetrics.GetValueOrDefault(metric);
        var shown = value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a";
        return $"id {manifest.Id}, family {manifest.Family}, step {manifest.Provenance?.Steps}, {string.Format(CultureInfo.InvariantCulture, format, shown)}";
    }
}
