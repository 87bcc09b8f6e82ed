using Euterpe.Core;
using Euterpe.Core.Families.NGram;
using Euterpe.Training.Export;

namespace Euterpe.Training.Families.NGram;

/// <summary>
/// Turns an n-gram run folder (model.json with its provenance, written by `euterpe train ngram`) into a preset: the
/// model file copied beside a manifest.json whose provenance gives the note encoding.
/// </summary>
public static class NGramExporter
{
    /// <summary>This family's line in <see cref="TrainedFamilies"/>.</summary>
    public static RunExporter Entry { get; } = new("n-gram runs with model.json", IsRun, (run, preset, id, name) =>
    {
        var manifest = Export(run, preset, id, name);
        return $"id {manifest.Id}, family {manifest.Family}";
    });

    /// <summary>Whether a run folder holds an n-gram model.</summary>
    public static bool IsRun(string runFolder) => File.Exists(Path.Combine(runFolder, NGramManifest.ModelFileName));

    public static NGramManifest Export(string runFolder, string presetFolder, string? id = null, string? displayName = null)
    {
        var modelPath = Path.Combine(runFolder, NGramManifest.ModelFileName);
        NGramNoteModel.Load(modelPath); // refuse to export a model that does not load
        var provenance = NGramProvenance.ReadFrom(modelPath);
        if (File.Exists(presetFolder)) throw new EuterpeException($"{presetFolder}: is a file, not a folder");
        Directory.CreateDirectory(presetFolder);
        AtomicFile.WriteAllBytes(Path.Combine(presetFolder, NGramManifest.ModelFileName), File.ReadAllBytes(modelPath));
        var manifest = new NGramManifest
        {
            Id = id ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(presetFolder))),
            DisplayName = displayName ?? $"N-gram melody (order {provenance.Order}) trained on {Path.GetFileName(Path.TrimEndingDirectorySeparator(provenance.Data))}",
            Provenance = provenance,
        };
        manifest.Write(presetFolder);
        return manifest;
    }
}
