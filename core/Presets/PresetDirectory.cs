using Euterpe.Core.Onnx;

namespace Euterpe.Core.Presets;

/// <summary>
/// A preset: a folder holding <c>model.onnx</c> and its <c>manifest.json</c>. Opening one loads and checks the
/// manifest; <see cref="CheckModel"/> also reads the model's declared inputs and outputs and compares them.
/// </summary>
public sealed class PresetDirectory
{
    public const string ModelFileName = "model.onnx";
    public const string ManifestFileName = "manifest.json";

    private PresetDirectory(string path, ModelManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(Path));
    public string ModelPath => System.IO.Path.Combine(Path, ModelFileName);
    public string ManifestPath => System.IO.Path.Combine(Path, ManifestFileName);
    public ModelManifest Manifest { get; }

    public static PresetDirectory Open(string path)
    {
        if (File.Exists(path)) throw new EuterpeException($"{path}: is a file; a preset is a folder with {ModelFileName} and {ManifestFileName}");
        if (!Directory.Exists(path)) throw new EuterpeException($"{path}: preset folder not found");
        var model = System.IO.Path.Combine(path, ModelFileName);
        var manifest = System.IO.Path.Combine(path, ManifestFileName);
        if (!File.Exists(model)) throw new EuterpeException($"{model}: missing (a preset folder holds {ModelFileName} and {ManifestFileName})");
        if (!File.Exists(manifest)) throw new EuterpeException($"{manifest}: missing (a preset folder holds {ModelFileName} and {ManifestFileName})");
        return new PresetDirectory(path, ModelManifest.Load(manifest));
    }

    /// <summary>
    /// Reads model.onnx with Euterpe's own ONNX reader (no runtime needed), checks the graph's structure and validates the manifest against
    /// the inputs a caller must feed and the outputs the model declares.
    /// </summary>
    public void CheckModel()
    {
        var model = OnnxModel.Load(ModelPath);
        OnnxGraphChecks.Validate(model, ModelPath);
        Manifest.ValidateAgainst(model.Graph.RuntimeInputs(), model.Graph.Outputs, ModelPath);
    }
}
